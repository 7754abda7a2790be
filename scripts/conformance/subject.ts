import type { JWK } from 'jose';
import { recordTypeName, type AgencyDefinition } from '../../kit/shared/agencies';
import type { Viewer } from '../../kit/shared/roles';
import { createGrantSigner, type AccessGrant } from '../../kit/subgraph/access/access-grant';
import { PurposeKind } from '../../kit/subgraph/access/purpose';
import type { Operation } from './caller';

/** Who asks, in which request: the internal token and any grant must agree on both. */
export interface Asking {
  viewer: Viewer;
  requestId: string;
}

/** A grant made wrong in one way (contract section 4), or none at all. */
export type GrantMade = 'none' | { change?: Partial<AccessGrant>; key?: JWK };

/**
 * How the conformance kit reads one young person in one agency, through the agency's own entry: a
 * receiving agency's record field on a `YoungPerson` representation carrying social care's grant (as
 * the gateway sends it), social care's `youngPerson(id)`.
 */
export interface SubjectReads {
  /** The operation selecting `selection` of the young person's part (the record, or the young person). */
  operation(identifier: string, selection: string, asking: Asking, grant?: GrantMade): Promise<Operation>;
  /** Where the young person's part is in the subgraph's answer. */
  path: (string | number)[];
  /** What an ordinary read selects, and the "Type.field" its audit record must name. */
  readSelection: string;
  readField: string;
  /** Whether a relationship is proven by a grant the kit signs (receiving) or decided by the agency (lead). */
  grants: boolean;
}

const socialCareReads: SubjectReads = {
  operation(identifier, selection) {
    return Promise.resolve({
      query: `query ConformanceRead($id: ID!) { youngPerson(id: $id) { ${selection} } }`,
      operationName: 'ConformanceRead',
      variables: { id: identifier },
    });
  },
  path: ['youngPerson'],
  readSelection: 'id',
  readField: 'YoungPerson.id',
  grants: false,
};

/** A receiving agency's reads: social care's grant signed with `grantKey` for the asking user and request. */
function receivingReads(agency: Extract<AgencyDefinition, { kind: 'receiving' }>, grantKey: JWK): SubjectReads {
  const signers = new Map<JWK, ReturnType<typeof createGrantSigner>>();
  const sign = async (grant: AccessGrant, key: JWK) => {
    let signer = signers.get(key);
    if (!signer) signers.set(key, (signer = createGrantSigner(key)));
    return (await signer)(grant);
  };
  return {
    async operation(identifier, selection, asking, made = {}) {
      const purpose = { kind: asking.viewer.role === 'IG_AUDITOR' ? PurposeKind.AUDIT : PurposeKind.ALLOCATION };
      const grant =
        made === 'none'
          ? undefined
          : await sign(
              {
                viewerId: asking.viewer.id,
                requestId: asking.requestId,
                audience: agency.name,
                people: [{ identifier, purpose }],
                ...made.change,
              },
              made.key ?? grantKey,
            );
      const representation = {
        __typename: 'YoungPerson',
        [agency.identifier.field]: identifier,
        ...(grant !== undefined && { [agency.grantField]: grant }),
      };
      return {
        query: `query ConformanceRead($representations: [_Any!]!) { _entities(representations: $representations) { ... on YoungPerson { ${agency.recordField} { ${selection} } } } }`,
        operationName: 'ConformanceRead',
        variables: { representations: [representation] },
      };
    },
    path: ['_entities', 0, agency.recordField],
    readSelection: 'matchStatus',
    readField: `${recordTypeName(agency)}.matchStatus`,
    grants: true,
  };
}

/** The reads for this agency; a receiving agency's need social care's private grant key. */
export function subjectReads(agency: AgencyDefinition, grantKey: JWK | undefined): SubjectReads {
  if (agency.kind === 'lead') return socialCareReads;
  if (!grantKey) throw new Error(`--grant-key is required for ${agency.name}: the kit signs social care's grants to it`);
  return receivingReads(agency, grantKey);
}

/** The value at `path` in a GraphQL answer's data (undefined when any step is missing). */
export function at(data: unknown, path: (string | number)[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}
