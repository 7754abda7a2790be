import { RiskCategory } from '../enums';

// Invented, obviously synthetic wording for meeting records and plans. No real people or places.
export const STRENGTHS = [
  'Attending school most days this half term',
  'Good relationship with key worker; talks openly',
  'Engaging with the life coach sessions',
  'Has kept to the agreed curfew on most nights',
  'Re-established contact with an older sibling',
  'Started a college taster course',
];
export const RISKS: [string, RiskCategory][] = [
  ['Repeated missing episodes late at night', RiskCategory.GOING_MISSING],
  ['Associating with older peers of concern', RiskCategory.CRIMINAL_EXPLOITATION],
  ['Intelligence suggests exposure to criminal exploitation', RiskCategory.CRIMINAL_EXPLOITATION],
  ['Not attending health appointments', RiskCategory.EMOTIONAL_WELLBEING],
  ['Placement feels fragile after recent incidents', RiskCategory.PLACEMENT_STABILITY],
  ['Self-harm disclosed to school staff', RiskCategory.SELF_HARM],
];
export const ACTIONS: [string, 'SOCIAL_CARE' | 'EDUCATION' | 'HEALTH' | 'POLICE' | 'NWD_HUB'][] = [
  ['Update the missing plan with new locations of concern', 'POLICE'],
  ['Arrange a review health assessment', 'HEALTH'],
  ['Agree a reduced timetable review date with school', 'EDUCATION'],
  ['Hold a placement stability meeting', 'SOCIAL_CARE'],
  ['Offer weekly life coach sessions', 'NWD_HUB'],
  ['Share the safety plan with the out-of-hours team', 'SOCIAL_CARE'],
  ['Complete an NRM referral if exploitation concerns persist', 'POLICE'],
];
export const VIEWS = [
  '(synthetic) Wants to stay where they are and see their brother more.',
  '(synthetic) Does not want police at the meeting; happy for the liaison officer to share what is needed.',
  '(synthetic) Would like to go to college next year.',
  '(synthetic) Asked that their school is not told about the missing episodes.',
];

/** What an action's owner writes on the way (each agency's own words: the notes stay with it and the hub). */
export const PROGRESS_NOTES = [
  '(synthetic) Started: first conversation with the young person held.',
  '(synthetic) Booked; waiting for a date from the other team.',
  '(synthetic) Tried twice; the young person was out. Trying again next week.',
];
