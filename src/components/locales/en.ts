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
};

/** Every string the elements show or announce. Entries with parameters are functions. */
export type Translation = typeof en;

export default en;
