import type { MigrationDialect } from './folder';

/**
 * The tables an agency keeps as evidence: its audit chain (reads, refusals, break-glass, writes with
 * what they changed) and the meeting-pack parts frozen for chairs. Nothing in the product updates or
 * deletes their rows; a trigger makes the database refuse it too, so a rewrite needs someone who can
 * drop the trigger first, and the audit's signatures and anchors then catch what they did.
 */
export const APPEND_ONLY_TABLES = ['audit_record', 'pack_snapshot'] as const;

/**
 * The statements that make `tables` append-only. Migrations applied anywhere call this, so what it
 * returns is never changed: a different rule is a new function and a new migration.
 */
export function appendOnlyTriggers(dialect: MigrationDialect, tables: readonly string[]): string[] {
  if (dialect === 'postgresql')
    return [
      // One function per database, for every table's triggers; it names the table and the operation refused.
      `create or replace function refuse_audit_rewrite() returns trigger language plpgsql as $$ begin raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege'; end; $$;`,
      ...tables.flatMap((table) => [
        `create trigger "${table}_append_only" before update or delete on "${table}" for each row execute function refuse_audit_rewrite();`,
        `create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function refuse_audit_rewrite();`,
      ]),
    ];
  // SQLite has no TRUNCATE: a DELETE without WHERE fires the delete trigger for every row.
  return tables.flatMap((table) =>
    ['update', 'delete'].map(
      (op) =>
        `create trigger \`${table}_no_${op}\` before ${op} on \`${table}\` begin select raise(abort, '${table} is append-only: ${op.toUpperCase()} refused'); end;`,
    ),
  );
}

/** The line a migration makes `tables` append-only with (the generator writes it, and it is added by hand to the first migration after). */
export function appendOnlyCall(dialect: MigrationDialect, tables: readonly string[]): string {
  return `for (const sql of appendOnlyTriggers('${dialect}', [${tables.map((t) => `'${t}'`).join(', ')}])) this.addSql(sql);`;
}
