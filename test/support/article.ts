/** A short article on `subject` for corpus tests: a title, a lead with a place and a date, and a figure. */
export const articleOn = (subject: string) =>
  `${subject} talks resume\n\nOfficials from both sides met in Geneva on Tuesday to discuss ${subject}. ` +
  `The ministry said exports of ${subject} rose 12 percent in 2024, the highest figure in a decade.\n`;
