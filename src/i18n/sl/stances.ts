/** Stances (stališča do pripomb): drafted, approved by a second person, published. */
import { letter } from './shared.ts';

export const stances = {
  stances: {
    states: { drafted: 'predlog stališča', returned: 'vrnjeno v dopolnitev', approved: 'odobreno', published: 'objavljeno' } as Record<string, string>,
    /** What a published decision means for the text, in a sentence (said in every mail about it). */
    meaning: {
      accepted: 'Predlog bo upoštevan v naslednji različici besedila.',
      partially_accepted: 'Predlog bo deloma upoštevan v naslednji različici besedila; kako, pojasnjuje obrazložitev.',
      rejected: 'Ministrstvo predloga ne bo upoštevalo; razloge pojasnjuje obrazložitev.',
      noted: 'Ministrstvo se je s pripombo seznanilo; besedila zaradi nje ne spreminja.',
    } as Record<string, string>,
    errors: {
      decisionRequired: 'Izberite stališče.',
      responseRequired: 'Vpišite obrazložitev. Obvezna je za vsa stališča razen „upoštevana“.',
      responseTooLong: (max: string) => `Obrazložitev je predolga (največ ${max} znakov).`,
      noteRequired: 'Napišite, kaj naj predlagatelj stališča dopolni ali popravi.',
      noteTooLong: (max: string) => `Opomba je predolga (največ ${max} znakov).`,
      stale: 'Stališče je medtem spremenil nekdo drug. Preverite trenutno stališče in poskusite znova.',
      ownStance: 'Svojega predloga stališča ne morete odobriti ali vrniti; to stori drug moderator ali skrbnik.',
      notDrafted: 'Odobriti ali vrniti je mogoče le predlog stališča, ki čaka na pregled.',
      noStance: 'Pripomba še nima predloga stališča.',
      publishNotAllowed: 'Stališča objavi skrbnik.',
      notApproved: (ids: string) => `Objaviti je mogoče le odobrena stališča. Neodobrena: ${ids}.`,
      nothingToPublish: 'Ni odobrenih stališč za objavo.',
      hasStance: 'Pripomba že ima predlog stališča; vrnete jo lahko le z novim predlogom.',
    },
    mail: {
      subject: (id: number) => `Stališče do pripombe št. ${id} – Posvet`,
      /** To whom: the organisation that commented, one that co-signed, or a municipality a joint position names. */
      body: (p: {
        id: number;
        role: 'author' | 'supporter' | 'joint';
        consultation: string;
        paragraph: string;
        organisation: string;
        decision: string;
        meaning: string;
        response: string | null;
        link: string;
      }) =>
        letter([
          p.role === 'author'
            ? `Ministrstvo za digitalno preobrazbo je objavilo stališče do pripombe št. ${p.id}, ki jo je vaša organizacija oddala k besedilu ${p.paragraph} v javnem posvetovanju „${p.consultation}“.`
            : p.role === 'supporter'
              ? `Ministrstvo za digitalno preobrazbo je objavilo stališče do pripombe št. ${p.id} (${p.organisation}) k besedilu ${p.paragraph} v javnem posvetovanju „${p.consultation}“, ki jo je vaša organizacija podprla.`
              : `Ministrstvo za digitalno preobrazbo je objavilo stališče do skupnega stališča št. ${p.id} (${p.organisation}) k besedilu ${p.paragraph} v javnem posvetovanju „${p.consultation}“, v katerem je navedena vaša občina.`,
          '',
          `Stališče: ${p.decision}. ${p.meaning}`,
          ...(p.response ? ['', 'Obrazložitev:', p.response] : []),
          '',
          `Pripomba in stališče: ${p.link}`,
        ]),
      /** Where a comment is anchored, as the mails name it. */
      paragraph: (number: string, chapter: string) => `odstavka ${number} poglavja „${chapter}“`,
      chapter: (chapter: string) => `poglavja „${chapter}“ kot celote`,
      draft: 'osnutka kot celote',
    },
  },
} as const;
