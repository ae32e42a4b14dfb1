/**
 * Passwords of twelve characters or more that appear near the top of public breach corpora, plus
 * Slovenian favourites. Compared lower-case. Short ones are refused by length already.
 */
export const COMMON_PASSWORDS = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '123123123123', '111111111111',
  '000000000000', '121212121212', '123412341234', '112233445566', '987654321098', '147258369147',
  'qwertyuiopas', 'qwertyuiop123', 'qwertzuiop123', 'qwerty123456', 'qwertzuiopas', '1q2w3e4r5t6y',
  '1qaz2wsx3edc', 'q1w2e3r4t5y6', 'zaq12wsxcde3', 'asdfghjkl123', 'asdfasdfasdf', 'abcdefghijkl',
  'abc123abc123', 'abcd1234abcd', 'password1234', 'password12345', 'password123!', 'passwordpassword',
  'mypassword123', 'iloveyou1234', 'letmein12345', 'welcome12345', 'welcome2024!', 'welcome2025!',
  'welcome2026!', 'administrator', 'administrator1', 'admin1234567', 'adminadmin123', 'changeme1234',
  'trustno1trustno1', 'football1234', 'baseball1234', 'superman1234', 'princess1234', 'sunshine1234',
  'starwars1234', 'monkey123456', 'dragon123456', 'master123456', 'michael12345', 'liverpool123',
  'chocolate123', 'computer1234', 'internet1234', 'whatever1234', 'passw0rd1234', 'p@ssw0rd1234',
  'p@ssword1234', 'geslo1234567', 'geslogeslo12', 'geslo123geslo', 'mojegeslo123', 'mojegeslo1234',
  'novogeslo123', 'novogeslo1234', 'slovenija123', 'slovenija1234', 'slovenija2024', 'slovenija2025',
  'slovenija2026', 'ljubljana123', 'ljubljana1234', 'ljubljana2026', 'maribor12345', 'obcina123456',
  'obcina2026!!', 'obcina12345678', 'digitalna2030', 'posvet123456', 'posvet2026!!', 'zima2026zima',
  'poletje2026!', 'pomlad2026!!', 'jesen2026!!!', 'januar2026!!', 'december2026', 'november2026',
  'spremeni1234', 'spremenigeslo', 'dobrodosli123', 'dobrodosli2026', 'uporabnik123', 'uporabnik1234',
]);
