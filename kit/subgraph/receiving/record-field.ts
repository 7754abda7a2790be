import { Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReceivingAgency } from '../../shared/agencies';
import type { AgencyRecord } from './agency-record';
import { requiresGrant, type ReceivedYoungPerson, type ReceivedYoungPersonClass } from './young-person';

/** An agency's record of the young person, made from what its reference resolver found. */
export type RecordClass<Owner, Record extends AgencyRecord<Owner>> = new (person: ReceivedYoungPerson<Owner>) => Record;

/** Said of every receiving agency's record field: the gateway fills the gap when the agency cannot answer. */
export const unavailableNote = (agency: ReceivingAgency) =>
  `Null, with an AGENCY_UNAVAILABLE error at this path, when ${agency.label} cannot answer: the other agencies' parts still come back.`;

/**
 * A receiving agency's field on the shared YoungPerson (`health`, `education`, `police`: the agencies
 * table's recordField), the same for every agency: granted by social care, and nullable so that one
 * agency down never blanks the young person.
 */
export function receivingRecordField<Owner, Record extends AgencyRecord<Owner>>(
  agency: ReceivingAgency,
  YoungPerson: ReceivedYoungPersonClass<Owner>,
  AgencyRecordType: RecordClass<Owner, Record>,
  description: string,
) {
  @Resolver(() => YoungPerson)
  class YoungPersonRecordField {
    @Directive(requiresGrant(agency))
    @FieldResolver(() => AgencyRecordType, {
      name: agency.recordField,
      nullable: true,
      description: `${description} ${unavailableNote(agency)}`,
    })
    record(@Root() person: ReceivedYoungPerson<Owner>): Record {
      return new AgencyRecordType(person);
    }
  }
  return YoungPersonRecordField;
}
