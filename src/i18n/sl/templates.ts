/** Answer templates (predloge obrazložitev) and the queue's bulk stance (predlog stališča za več pripomb). */
import { counted, formatNumber, listForm, type PluralForms } from './shared.ts';

/** Locative, after "pri": pri 1 pripombi, 2 pripombah, 3 pripombah, 5 pripombah. */
const priPripombah: PluralForms = { one: 'pripombi', two: 'pripombah', few: 'pripombah', other: 'pripombah' };
/** Accusative, agreeing with a list of numbers: pripombo št. 12, pripombi št. 12 in 15, pripombe št. 12, 15 in 18. */
const pripomboSt: PluralForms = { one: 'Pripombo', two: 'Pripombi', few: 'Pripombe', other: 'Pripombe' };
const jih: PluralForms = { one: 'jo', two: 'ju', few: 'jih', other: 'jih' };

/** "12", "12 in 15", "12, 15 in 18". */
const numbers = (ids: readonly number[]) => {
  const all = ids.map(String);
  return all.length <= 1 ? all.join('') : `${all.slice(0, -1).join(', ')} in ${all[all.length - 1]}`;
};

export const templates = {
  templates: {
    title: 'Predloge obrazložitev',
    nav: 'Predloge obrazložitev',
    lead: 'Predloge so pripravljena besedila obrazložitev, ki jih moderatorji vstavijo v predlog stališča in jih pred shranjevanjem prilagodijo. Splošne predloge so na voljo pri vseh pripombah, predloge poglavja le pri pripombah k temu poglavju.',
    general: 'Splošne predloge',
    generalHint: 'Na voljo pri pripombah k vsem poglavjem in k osnutku kot celoti.',
    chapter: (number: number, title: string) => `Poglavje ${number}. ${title}`,
    /** A chapter the current draft no longer has. */
    formerChapter: (slug: string) => `Poglavje „${slug}“ (ga ni več v trenutnem osnutku)`,
    none: 'Predlog še ni. Prvo dodajte s spodnjim obrazcem.',
    noneGeneral: 'Splošnih predlog še ni.',
    lastChange: (name: string, date: string) => `Zadnja sprememba: ${name}, ${date}`,
    edit: 'Uredi',
    delete: 'Izbriši',
    /** Hidden after the link text, so each link says which template it is about. */
    about: (name: string) => ` – predloga „${name}“`,
    form: {
      createTitle: 'Nova predloga',
      editTitle: (name: string) => `Urejanje predloge „${name}“`,
      name: 'Ime predloge',
      nameHint: 'Kratko ime, po katerem jo izberete, na primer „Zunaj področja strategije“.',
      chapter: 'Poglavje',
      chapterHint: 'Predloga poglavja se ponudi le pri pripombah k temu poglavju, splošna pri vseh.',
      allChapters: 'vsa poglavja (splošna predloga)',
      body: 'Besedilo obrazložitve',
      bodyHint: 'Besedilo se vstavi v obrazložitev stališča, kjer ga moderator pred shranjevanjem prilagodi pripombi.',
      create: 'Dodaj predlogo',
      save: 'Shrani spremembe',
      cancel: 'Prekliči',
    },
    confirm: {
      title: (name: string) => `Izbris predloge „${name}“`,
      text: 'Ali res želite izbrisati to predlogo? Obrazložitev, ki so bile že zapisane z njo, izbris ne spremeni.',
      submit: 'Izbriši predlogo',
      cancel: 'Prekliči',
    },
    done: {
      created: 'Predloga je dodana.',
      updated: 'Spremembe predloge so shranjene.',
      deleted: 'Predloga je izbrisana.',
    } as Record<string, string>,
    errors: {
      nameRequired: 'Vpišite ime predloge.',
      nameTooLong: (max: number) => `Ime predloge je predolgo (največ ${formatNumber(max)} znakov).`,
      bodyRequired: 'Besedilo predloge ne sme biti prazno.',
      bodyTooLong: (max: number) => `Besedilo predloge je predolgo (največ ${formatNumber(max)} znakov).`,
      chapterInvalid: 'Izberite poglavje trenutnega osnutka ali „vsa poglavja“.',
      duplicate: 'Predloga s tem imenom že obstaja. Izberite drugo ime.',
      notFound: 'Te predloge ni (morda jo je medtem izbrisal drug moderator).',
      unknownAction: 'Neznano dejanje.',
    },
    /** The chooser beside a stance's obrazložitev. */
    chooser: {
      label: 'Predloga obrazložitve',
      choose: '– izberite predlogo –',
      insert: 'Vstavi',
      hint: 'Besedilo predloge nadomesti obrazložitev v obrazcu; pred shranjevanjem ga prilagodite pripombi.',
      none: 'Za pripombe k temu poglavju še ni predlog.',
      manage: 'Upravljanje predlog',
      inserted: (name: string) => `Predloga „${name}“ je vstavljena v obrazložitev. Preglejte besedilo in shranite stališče.`,
    },
    /** The queue's bulk stance. */
    bulk: {
      legend: 'Predlog stališča za izbrane pripombe',
      lead: 'Vsaka izbrana pripomba dobi svoj predlog stališča z istim stališčem in obrazložitvijo; predloge nato odobri drug moderator ali skrbnik.',
      decision: 'Stališče',
      chooseDecision: '– izberite stališče –',
      response: 'Obrazložitev stališča (javna po objavi)',
      responseHint: 'Obvezna pri vseh stališčih razen „upoštevana“.',
      template: 'Predloga obrazložitve',
      templateHint: 'Ponujene so splošne predloge; ko vrsto filtrirate po poglavju, tudi predloge tega poglavja.',
      insert: 'Vstavi predlogo',
      submit: 'Zapiši predlog stališča',
      done: (n: number) => `Predlog stališča je zapisan pri ${counted(n, priPripombah)}.`,
      tooMany: (max: number) => `Hkrati lahko izberete največ ${counted(max, { one: 'pripombo', two: 'pripombi', few: 'pripombe', other: 'pripomb' })}.`,
      /** Some of the selected comments' stances changed since the queue was shown: nothing was written. */
      stale: (ids: readonly number[]) =>
        `${listForm(ids.length, pripomboSt)} št. ${numbers(ids)} je medtem spremenil drug moderator; nobena pripomba ni bila spremenjena. Preverite ${listForm(ids.length, jih)} in poskusite znova.`,
    },
  },
} as const;
