import type { Translation } from './en.js';

// French puts a narrow no-break space before ! ? : ;
const fr = {
  loading: 'Chargement des profils…',
  headingJob: (job: string) => `Rencontrez celles et ceux qui travaillent comme ${job}`,
  headingTeam: (team: string) => `Rencontrez l’équipe ${team}`,
  headingLocation: (location: string) => `Rencontrez nos collègues ${de(location)}`,
  headingAll: 'Rencontrez nos équipes',
  empty: 'Personne à vous présenter pour l’instant. Revenez bientôt\u202f!',
  error: 'Impossible d’afficher les profils pour le moment.',
  tryAgain: 'Réessayer',
  personUnavailable: 'Ce profil ne peut pas être affiché pour le moment.',
  speaks: (languages: string) => `Parle ${languages}`,
  alumni: 'Ex-collègue',
  busyUntil: (date: string) => `Ne répond pas aux questions avant le ${date}`,
  busyWeek: 'Ne prend pas de nouvelles questions cette semaine',
  moreAbout: (firstName: string) => `En savoir plus sur ${firstName}`,
  repliesWithin: (days: number) => (days < 2 ? 'Répond généralement dans la journée' : `Répond généralement sous ${days}\u00a0jours`),
  pathHere: 'Parcours ici',
  // hw-alumni-testimonials
  tLoading: 'Chargement des témoignages…',
  tHeading: 'Ce qu’en disent d’anciens collègues',
  tHeadingJob: (job: string) => `Ce que d’anciens collègues disent du métier de ${job}`,
  tEmpty: 'Aucun témoignage pour l’instant.',
  tError: 'Impossible d’afficher les témoignages pour le moment.',
  tSince: (year: number) => `depuis ${year}`,
  tNow: (role: string) => `aujourd’hui ${role}`,
  tSlide: (n: number, total: number) => `${n} sur ${total}`,
  tSlideN: (n: number) => `Diapositive ${n}`,
  tSlides: 'Choisir une diapositive',
  tPrevious: 'Précédent',
  tNext: 'Suivant',
  tPause: 'Pause',
  tPlay: 'Lecture',
  // hw-profile-editor (la page /me du collaborateur)
  contactAskJob: (firstName: string) => `Poser une question à ${firstName} sur ce poste`,
  contactAsk: (firstName: string) => `Poser une question à ${firstName}`,
  contactAskSomeone: 'Poser une question à quelqu’un qui fait ce métier',
  contactBusy: (firstName: string) => `${firstName} ne répond pas aux questions en ce moment`,
  contactNobody: 'Personne n’est disponible pour répondre aux questions en ce moment.',
  contactRefused: 'Les questions ne peuvent pas encore être envoyées depuis cette page.',
  contactLoadFailed: 'Impossible d’envoyer des questions pour le moment.',
  // hw-alumni-testimonials : qui parle, quand ce ne sont pas que d’anciens collègues
  tHeadingOurs: (job?: string) => (job ? `Ce que nos équipes disent du métier de ${job}` : 'Ce qu’en disent nos équipes'),
  tHeadingBoth: (job?: string) =>
    job ? `Ce que nos collègues d’hier et d’aujourd’hui disent du métier de ${job}` : 'Ce qu’en disent nos collègues d’hier et d’aujourd’hui',
} satisfies Translation;

/** "de Paris", but "d’Amsterdam". */
function de(place: string): string {
  return /^[aeiouyàâäéèêëîïôöûüœ]/i.test(place) ? `d’${place}` : `de ${place}`;
}

export default fr;
