/** Invented free text for synthetic records: generic phrases about no one; syntheticNote marks each one. */
export const SYNTHETIC_NOTES = {
  reviewOutcome: [
    'Growth and development on track; health plan reviewed with carer.',
    'Dental registration to be arranged; immunisation catch-up booked.',
    'Sleep and emotional wellbeing discussed; options for support explained.',
    'No new health needs identified; health plan continues.',
    'Young person seen alone and asked for their views; health plan updated.',
  ],
  camhs: [
    'Low mood and anxiety; weekly sessions agreed.',
    'Trauma-informed formulation shared with carers.',
    'Emotional regulation work; review in three months.',
  ],
  lifeCoach: [
    'Work on managing anger and using alternative ways to manage emotions.',
    'Formulation shared with key workers; focus on trust and attachment.',
    'Exploring feelings of low mood; solution-focused sessions.',
  ],
  substanceMisuse: [
    'Cannabis use most days; harm-reduction sessions agreed.',
    'Alcohol use at weekends with peers; brief intervention given.',
    'Occasional use reported; information and advice given, review offered.',
  ],
  selfHarm: ['Superficial injury; treated at home; safety plan reviewed.', 'Disclosed to carer; GP appointment made.'],
  sexualHealth: [
    'Advice and information given; follow-up offered.',
    'Contraception discussed; young person attended alone.',
    'Routine testing offered and accepted.',
  ],
} as const;
