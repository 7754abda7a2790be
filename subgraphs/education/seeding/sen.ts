import { addDays, type LocalDate } from '../../../kit/subgraph/dates';
import { SenProvisionEpisode } from '../entities/sen-provision-episode';
import { SenProvision } from '../enums';
import { dateBetween, latest, schoolDayBetween } from './calendar';
import { record, type PupilSeed } from './pupil-seed';

// Among looked-after children about 30% have SEN support and 25% an EHC plan (brief; DfE outcomes data).
const LOOKED_AFTER: [SenProvision, number][] = [
  [SenProvision.N, 45],
  [SenProvision.K, 30],
  [SenProvision.E, 25],
];
const OTHERS: [SenProvision, number][] = [
  [SenProvision.N, 60],
  [SenProvision.K, 27],
  [SenProvision.E, 13],
];

function episode(
  seed: PupilSeed,
  provision: SenProvision,
  startDate: LocalDate,
  endDate: LocalDate | null,
  ehcp: Partial<SenProvisionEpisode> = {},
) {
  if (endDate !== null && endDate < startDate) return;
  record(seed, SenProvisionEpisode, { provision, startDate, endDate, ehcpRequestDate: null, ehcpIssueDate: null, ...ehcp });
}

/** No SEN until needs are identified, then SEN support from then on (starting at once when identified early). */
function fromSenSupport(seed: PupilSeed, supportFrom: LocalDate, until: LocalDate | null, ehcp: Partial<SenProvisionEpisode> = {}) {
  const start = seed.educationStart;
  const identified = supportFrom < addDays(start, 30) ? start : supportFrom;
  if (identified > start) episode(seed, SenProvision.N, start, addDays(identified, -1));
  episode(seed, SenProvision.K, identified, until, ehcp);
}

/**
 * SEN provision episodes since starting school. EHC plans: most issued within 20 weeks of the
 * request, some late; a few pupils on SEN support have a request still being assessed.
 */
export function seedSen(seed: PupilSeed): SenProvision {
  const { r, asOf, educationStart: start } = seed;
  let provision = r.weighted(seed.person.status === 'LOOKED_AFTER' ? LOOKED_AFTER : OTHERS);
  const issued = provision === SenProvision.E ? schoolDayBetween(r, addDays(start, 365), asOf) : null;
  if (provision === SenProvision.E && !issued) provision = SenProvision.K;

  if (provision === SenProvision.N) {
    episode(seed, SenProvision.N, start, null);
  } else if (issued) {
    const ehcpRequestDate = addDays(issued, -(r.chance(0.85) ? r.int(70, 140) : r.int(141, 280)));
    fromSenSupport(seed, dateBetween(r, start, addDays(ehcpRequestDate, -60)), addDays(issued, -1));
    episode(seed, SenProvision.E, issued, null, { ehcpRequestDate, ehcpIssueDate: issued });
  } else {
    const supportFrom = dateBetween(r, start, addDays(asOf, -30));
    // A pending request is recent: most are still within their 20 weeks, some have run over.
    const pending = r.chance(0.1) ? dateBetween(r, latest(supportFrom, addDays(asOf, -200)), asOf) : null;
    fromSenSupport(seed, supportFrom, null, { ehcpRequestDate: pending });
  }
  return provision;
}
