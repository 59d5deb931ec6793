const en = {
  loading: 'Loading people…',
  headingJob: (job: string) => `Meet people who work as ${job}`,
  headingTeam: (team: string) => `Meet the ${team} team`,
  headingLocation: (location: string) => `Meet our people in ${location}`,
  headingAll: 'Meet our people',
  empty: 'There is no one to introduce here yet. Come back soon!',
  error: 'We couldn’t load the people for this page.',
  tryAgain: 'Try again',
  personUnavailable: 'This profile can’t be shown right now.',
  speaks: (languages: string) => `Speaks ${languages}`,
  alumni: 'Alumni',
  busyUntil: (date: string) => `Not taking questions until ${date}`,
  busyWeek: 'Not taking new questions this week',
  // The card's "More about" view (its path uses tSince)
  moreAbout: (firstName: string) => `More about ${firstName}`,
  repliesWithin: (days: number) => `Usually replies within ${days < 2 ? 'a day' : `${days} days`}`,
  pathHere: 'Path here',
  // hw-alumni-testimonials
  tLoading: 'Loading testimonials…',
  tHeading: 'What former colleagues say',
  tHeadingJob: (job: string) => `What former colleagues say about working as ${job}`,
  tEmpty: 'No testimonials yet.',
  tError: 'We couldn’t load the testimonials.',
  tSince: (year: number) => `since ${year}`,
  tNow: (role: string) => `now ${role}`,
  tSlide: (n: number, total: number) => `${n} of ${total}`,
  tSlideN: (n: number) => `Slide ${n}`,
  tSlides: 'Choose a slide',
  tPrevious: 'Previous',
  tNext: 'Next',
  tPause: 'Pause',
  tPlay: 'Play',
  // hw-profile-editor (the employee's /me page)
  contactAskJob: (firstName: string) => `Ask ${firstName} about this job`,
  contactAsk: (firstName: string) => `Ask ${firstName} a question`,
  contactAskSomeone: 'Ask someone who does this job',
  contactBusy: (firstName: string) => `${firstName} isn’t taking questions right now`,
  contactNobody: 'Nobody is available to answer questions right now.',
  contactRefused: 'Questions can’t be sent from this page yet.',
  contactLoadFailed: 'Questions can’t be sent right now.',
  // hw-alumni-testimonials: who speaks, when not only former colleagues
  tHeadingOurs: (job?: string) => `What our people say${job ? ` about working as ${job}` : ''}`,
  tHeadingBoth: (job?: string) => `What colleagues past and present say${job ? ` about working as ${job}` : ''}`,
};

/** Every string the elements show or announce. Entries with parameters are functions. */
export type Translation = typeof en;

export default en;
