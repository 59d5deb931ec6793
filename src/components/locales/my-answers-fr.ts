import type { MyAnswersTranslation } from './my-answers-en.js';

// Les textes de hw-my-answers, sur /me seulement. Une espace fine insécable avant ! ? : ;
const fr = {
  maHeading: 'Vos réponses',
  maIntro:
    'Une réponse peut aider beaucoup de candidats. Si vous en publiez une, le candidat donne d’abord son accord (il apparaîtrait comme «\u00a0un candidat\u00a0», jamais par son nom), puis un modérateur la relit. Vous pouvez la retirer à tout moment.',
  maAsked: 'La question',
  maAnswered: 'Votre réponse',
  maPublish: 'Publier cette réponse',
  maPublishAgain: 'La publier à nouveau',
  maWithdraw: 'Retirer',
  maCancel: 'Annuler',
  maSend: 'Demander au candidat',
  maQuestionLabel: 'La question, telle qu’elle serait publiée',
  maAnswerLabel: 'Votre réponse, telle qu’elle serait publiée',
  maEditHint: 'Retirez tout ce qui pourrait identifier le candidat ou quelqu’un d’autre\u202f: noms, lieux, dates. Le candidat lit ce texte avant de donner son accord.',
  maRequired: 'Ce champ ne peut pas être vide.',
  maPending: 'En attente de l’accord du candidat.',
  maDeclined: 'Le candidat a préféré ne pas la publier.',
  maModeration: 'Le candidat est d’accord\u202f; en attente d’un modérateur.',
  maRejected: 'Un modérateur ne l’a pas approuvée.',
  maPublic: 'Publiée\u202f: les candidats peuvent la lire.',
  maHidden: 'Approuvée, mais masquée tant que votre profil n’est pas affiché.',
  maWithdrawn: 'Retirée\u202f: les candidats ne la voient plus.',
  maAskedDone: 'Le candidat a reçu la demande par e-mail.',
  maWithdrawnDone: 'Retirée\u202f: les candidats ne la voient plus.',
  maFailed: 'Cela n’a pas fonctionné. Merci de réessayer.',
} satisfies MyAnswersTranslation;

export default fr;
