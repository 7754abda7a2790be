import type { AgencySeeder } from '../../kit/subgraph/service';
import { YjsCase } from './entities';

/** A case reference for the nth synthetic young person: YJ, 7 digits, and a check digit (digit sum mod 10). */
export function yjsReference(index: number): string {
  const digits = String(index).padStart(7, '0');
  const check = [...digits].reduce((sum, d) => sum + Number(d), 0) % 10;
  return `YJ${digits}${check}`;
}

/** Everyone the police know (a PNC ID) has a youth justice case opened when their status began. */
export const youthJusticeSeeder: AgencySeeder = {
  async isSeeded(em) {
    return (await em.count(YjsCase, {})) > 0;
  },
  seedPerson(em, person) {
    if (person.pncId) em.create(YjsCase, { reference: yjsReference(person.index), openedOn: person.statusSince });
  },
};
