import type { EntityManager } from '@mikro-orm/core';
import type { ReceivingAgency } from '../shared/agencies';
import type { Viewer } from '../shared/roles';
import type { GrantedCohort, GrantedPack, GrantedPurpose } from './access/grant-checks';
import type { CohortScope, PackScope } from './access/access-grant';
import type { AgencyPolicy } from './access/policy';
import type { Purpose } from './access/purpose';
import type { RequestAccess } from './access/request-access';
import type { AuditChain } from './audit/chain';
import { ukDate, type LocalDate } from './dates';

/** What every resolver of every agency gets: its own unit of work, one "now", and who is asking. */
export interface AgencyContext {
  em: EntityManager;
  /** The instant the request is answered as of, from the injected clock. */
  now: Date;
  /** Today's date in the UK at `now`: every computed rule is seen from it. */
  today: LocalDate;
  /** The gateway's request id (from its signed token): the same in every agency's audit. */
  requestId: string;
  /** The user, as the gateway verified them. */
  viewer: Viewer;
  /** What this request reads, withholds and refuses: written to the audit before the response leaves. */
  access: RequestAccess;
  /** The agency's sharing rules (subgraphs/<agency>/policy.ts). */
  policy: AgencyPolicy;
  /** The agency's audit chain: a write appends its record inside its own transaction. */
  audit: AuditChain;
  /** How many of a cohort's young people are counted at once (AgencyConfig.cohortChunkSize). */
  cohortChunkSize: number;
}

/** The lead agency decides the legitimate relationship and signs each receiving agency's grant. */
export interface LeadAgencyContext extends AgencyContext {
  /**
   * Social care's signed statement for `agency`: this viewer, this request, that agency's own identifier,
   * this purpose (and a meeting pack's scope). Young people asked for together share a grant (grant-signing.ts).
   */
  signGrant(agency: ReceivingAgency, identifier: string | null, purpose: Purpose, pack?: PackScope): Promise<string>;
  /** Social care's signed statement for `agency`: this viewer, this request, may have figures about this cohort (aggregate reporting). */
  signCohortGrant(agency: ReceivingAgency, cohort: CohortScope): Promise<string>;
}

/** A receiving agency shows nothing without the lead agency's grant for the young person. */
export interface ReceivingAgencyContext extends AgencyContext {
  /** Verifies social care's grant for one young person, batched per request (access/grant-checks.ts). */
  grantedPurpose: GrantedPurpose;
  /** Verifies social care's grant for one meeting pack, batched per request. */
  grantedPack: GrantedPack;
  /** Verifies social care's grant for one cohort (aggregate reporting). */
  grantedCohort: GrantedCohort;
}

/** The facts of one request, from the gateway's verified token. */
export interface RequestFacts {
  em: EntityManager;
  now: Date;
  viewer: Viewer;
  requestId: string;
  access: RequestAccess;
  policy: AgencyPolicy;
  audit: AuditChain;
  cohortChunkSize: number;
}

export function agencyContext(facts: RequestFacts): AgencyContext {
  return { ...facts, today: ukDate(facts.now) };
}
