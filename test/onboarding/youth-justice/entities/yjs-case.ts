import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The youth justice service's own record of a young person, found by its case reference. Not a GraphQL type. */
@Entity()
export class YjsCase {
  @PrimaryKey()
  id!: number;

  @Property({ unique: true, length: 10 })
  reference!: string;

  @Property({ type: 'date' })
  openedOn!: string;

  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;
}
