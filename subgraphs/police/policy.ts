import { rule, type AgencyPolicy, type RuleContext, ACCESS_LOG_AUDITORS_ONLY } from '../../kit/subgraph/access/policy';
import { POLICE } from './agency';
import type { IntelligenceItem } from './entities';

/**
 * The police's sharing rules, for review by the force's information-governance lead.
 *
 * Who reaches this data at all: only someone children's social care has found a legitimate relationship
 * for (allocated worker, statutory role, invitation to a RAISE meeting or deep dive, break-glass with a
 * typed reason, or an information-governance auditor). Social care sends a signed grant for each young
 * person; without a valid one the police share nothing. Every read is logged in the police's own audit
 * log (who, when, under which purpose, what was shown and what was withheld), as DPA 2018 Part 3 s62
 * requires for consultation and disclosure.
 *
 * What each person then sees (anything withheld is null, with a notice naming the rule):
 *
 * - Intelligence grades (3x5x2 source evaluation, intelligence assessment, handling code; legacy 5x5x5
 *   grades) and any handling conditions: everyone. The grade says how far to rely on an item, and the
 *   conditions must be known to be followed.
 * - Intelligence full text: police only, whatever the handling code. Code C may be shared only under its
 *   conditions; code P "may be shared for a policing purpose", and partner agencies are not policing.
 *   Legacy 5x5x5 items likewise. The full text can reveal the source.
 * - Intelligence sanitised text (source-revealing detail removed): police, and partner agencies only
 *   where the police have marked the item for sharing (a decision taken with the handling code in mind).
 * - Associates' names: police and social care only (a disclosure about third parties under DPA 2018
 *   Part 3; social care needs them for missing plans). Others see that an associate is recorded and
 *   how they are linked, not who they are.
 * - Locations of concern (the description of the place): police and social care, who write and carry
 *   out missing plans. Others see the kind of place and the dates.
 * - Arrests: date, offence category and gravity for everyone; the charge and the outcome for police and
 *   social care only, not education or health. (Youth justice should see them too; it has no role in the
 *   graph yet.) The chronology leaves the outcome out of its summary for the same viewers.
 * - Missing episodes and return home interviews: everyone with a relationship (a No Wrong Door outcome;
 *   a school needs to know a child goes missing).
 * - The young person's wishes: an arrest or missing episode the young person asked not to be shared
 *   with an agency (for example their school) is left out for that agency's staff, and from their
 *   chronology. Other agencies get the same notice on every list of arrests and missing episodes, and
 *   on the chronology, whether or not anything was left out, and never how many: a notice or a count
 *   only when something is hidden would tell them it is there. Counts go to the police and auditors.
 *   The counts of episodes and arrests in the last six months, and whether the child is missing right
 *   now, are worked out from what the viewer may see, for the same reason: the young person's wish
 *   about an episode covers what follows from it.
 * - The police access log: information-governance auditors only. An auditor (AUDIT purpose) sees only
 *   the log and what identifies the record, never the police data itself.
 */
const isPolice = ({ viewer }: RuleContext) => viewer.agency === 'POLICE';
const isPoliceOrSocialCare = ({ viewer }: RuleContext) => viewer.agency === 'POLICE' || viewer.agency === 'SOCIAL_CARE';

const INTELLIGENCE_FULL_TEXT = rule(
  'intelligence-full-text-police-only',
  'the full text of intelligence can reveal its source and is kept within the police (partners may see the sanitised text)',
  isPolice,
);

const NOT_MARKED_FOR_SHARING = rule<IntelligenceItem>(
  'not-marked-for-sharing',
  'the police have not marked this intelligence for sharing with partner agencies',
  (ctx) => isPolice(ctx) || ctx.item.markedForSharing,
);

const ASSOCIATE_NAMES = rule(
  'associate-names-police-and-social-care',
  "associates' names are shared with police and social care (missing plans) only",
  isPoliceOrSocialCare,
);

const LOCATIONS_OF_CONCERN = rule(
  'locations-of-concern-police-and-social-care',
  'where a location of concern is, is shared with police and social care (missing plans) only',
  isPoliceOrSocialCare,
);

export const ARREST_CHARGE_AND_OUTCOME = rule(
  'arrest-charge-and-outcome-need-to-know',
  "an arrest's charge and outcome are shared with police and social care only",
  isPoliceOrSocialCare,
);

export const policePolicy: AgencyPolicy = {
  agency: POLICE.code,
  // Cohort figures (missing episodes, arrests, charges): for the board, the NWD team, IROs and the
  // virtual school head with small numbers suppressed; in full for police staff and auditors.
  aggregates: {
    readers: [
      'CORPORATE_PARENTING_BOARD_MEMBER',
      'NWD_KEY_WORKER',
      'IRO',
      'VIRTUAL_SCHOOL_HEAD',
      'POLICE_LIAISON_OFFICER',
      'POLICE_INTELLIGENCE_ANALYST',
      'IG_AUDITOR',
    ],
    fullFigures: ['POLICE_LIAISON_OFFICER', 'POLICE_INTELLIGENCE_ANALYST', 'IG_AUDITOR'],
  },
  nonPersonalTypes: [],
  youngPersonsWishesOn: ['MissingEpisode', 'Arrest'],
  fields: {
    'IntelligenceItem.fullText': INTELLIGENCE_FULL_TEXT,
    'IntelligenceItem.sanitisedText': NOT_MARKED_FOR_SHARING,
    'Associate.name': ASSOCIATE_NAMES,
    'LocationOfConcern.description': LOCATIONS_OF_CONCERN,
    'Arrest.charge': ARREST_CHARGE_AND_OUTCOME,
    'Arrest.outcome': ARREST_CHARGE_AND_OUTCOME,
    'PoliceRecord.accessLog': ACCESS_LOG_AUDITORS_ONLY,
  },
  // An auditor answering a subject access request reaches the record by PNC ID and reads its log.
  auditFields: ['YoungPerson.pncId', 'YoungPerson.police', 'PoliceRecord.matchStatus', 'PoliceRecord.accessLog'],
};
