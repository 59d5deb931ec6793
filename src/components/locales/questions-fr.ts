import type { QuestionsTranslation } from './questions-en.js';

// Les textes de hw-questions, chargés avec lui. Une espace fine insécable avant ! ? : ;
const fr = {
  qHeading: 'Les questions des candidats',
  qHeadingJob: (job: string) => `Les questions des candidats sur le poste ${job}`,
  qLoading: 'Chargement des questions…',
  qEmpty: 'Aucune question n’a encore reçu de réponse ici.',
  qError: 'Les questions n’ont pas pu être chargées.',
  qAsker: 'Un candidat a demandé',
  qAnsweredBy: (name: string, title: string) => `Réponse de ${name}, ${title}`,
} satisfies QuestionsTranslation;

export default fr;
