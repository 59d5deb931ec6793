import type { ContactTranslation } from './contact-en.js';

// Les textes de hw-contact-dialog, chargés avec lui. Une espace fine insécable avant ! ? : ;
const fr = {
  titleJob: (displayName: string) => `Poser une question à ${displayName} sur ce poste`,
  title: (displayName: string) => `Poser une question à ${displayName}`,
  choose: 'À qui voulez-vous poser votre question\u202f?',
  chooseOther: 'Choisir quelqu’un d’autre',
  close: 'Fermer',
  name: 'Votre nom',
  email: 'Votre adresse e-mail',
  emailHint: (firstName: string) => `${firstName} vous répond à cette adresse.`,
  message: 'Votre question',
  count: (count: number, max: number) => `${count}/${max}`,
  nearLimit: (count: number, max: number) => `${count} caractères sur ${max}`,
  consent: (displayName: string) => `J’accepte de partager mon nom et mon adresse e-mail avec ${displayName} afin de recevoir sa réponse`,
  consentLabel: 'Votre accord',
  privacy: (firstName: string) =>
    `${firstName} voit votre nom, votre adresse e-mail et votre message\u202f; sa propre adresse reste privée. ` + `Votre demande est supprimée au bout de 90 jours.`,
  honeypot: 'Laissez ce champ vide',
  send: 'Envoyer ma question',
  checking: 'Vérification anti-robot en cours…',
  sending: 'Envoi en cours…',
  sent: (firstName: string) => `Consultez votre boîte de réception\u202f: confirmez votre adresse e-mail pour envoyer votre question à ${firstName}.`,
  nameRequired: 'Indiquez votre nom.',
  emailInvalid: 'Indiquez votre adresse e-mail, par exemple nom@exemple.fr.',
  messageRequired: 'Écrivez votre question.',
  consentRequired: (firstName: string) => `Acceptez de partager votre nom et votre adresse e-mail, pour que ${firstName} puisse vous répondre.`,
  checkFields: (count: number, labels: string) => (count === 1 ? `Vérifiez ce champ\u202f: ${labels}.` : `Vérifiez ces champs\u202f: ${labels}.`),
  challengeFailed: 'La vérification anti-robot n’a pas abouti. Veuillez réessayer.',
  notContactable: (firstName: string) =>
    `${firstName} n’accepte plus de questions, ou n’est pas disponible pour le moment. Posez votre question à quelqu’un d’autre, ou réessayez plus tard.`,
  capReached: (firstName: string) =>
    `${firstName} a atteint sa limite de questions pour cette semaine. Posez votre question à quelqu’un d’autre, ou réessayez la semaine prochaine.`,
  rateLimited: 'Trop de questions ont été envoyées d’ici. Patientez quelques minutes, puis réessayez.',
  originNotAllowed: 'Les questions ne peuvent pas encore être envoyées depuis cette page\u202f: le site n’est pas configuré pour cela. Réessayez plus tard.',
  personNotFound: (firstName: string) => `Le profil de ${firstName} n’est plus disponible. Posez votre question à quelqu’un d’autre.`,
  offline: 'Vous semblez hors ligne. Vérifiez votre connexion et réessayez.',
  timeout: 'Le serveur a mis trop de temps à répondre. Réessayez.',
  failed: 'Une erreur s’est produite. Réessayez.',
} satisfies ContactTranslation;

export default fr;
