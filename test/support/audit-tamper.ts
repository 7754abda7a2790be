import { isPostgres, type AgencyOrm } from '../../kit/subgraph/orm';

/**
 * Does `work` to an agency's audit tables as someone with the database owner's rights would: the
 * append-only triggers switched off first (PostgreSQL) or dropped and made again after (SQLite). An
 * attacker with the database can do exactly this; the audit's signatures and anchors must still tell.
 */
export async function asDatabaseOwner(orm: AgencyOrm, table: string, work: () => Promise<unknown>): Promise<void> {
  const connection = orm.em.getConnection();
  if (isPostgres(String(orm.config.get('clientUrl') ?? ''))) {
    await connection.execute(`alter table "${table}" disable trigger user`);
    try {
      await work();
    } finally {
      await connection.execute(`alter table "${table}" enable trigger user`);
    }
    return;
  }
  const triggers = (await connection.execute(`select name, sql from sqlite_master where type = 'trigger' and tbl_name = ?`, [table])) as {
    name: string;
    sql: string;
  }[];
  for (const t of triggers) await connection.execute(`drop trigger \`${t.name}\``);
  try {
    await work();
  } finally {
    for (const t of triggers) await connection.execute(t.sql);
  }
}
