// The auth-database plugin qualifies exactly the three auth tables, in selects, joins, inserts and DDL, on MySQL and
// PostgreSQL syntax; other tables and aliases stay as written. Compiled only (no server needed).
import {
  DummyDriver,
  Kysely,
  MysqlAdapter,
  MysqlIntrospector,
  MysqlQueryCompiler,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { AuthDatabasePlugin } from './auth-database-plugin.js';
import type { ElentraTables } from './tables.js';

function mysql(): Kysely<ElentraTables> {
  return new Kysely<ElentraTables>({
    dialect: {
      createAdapter: () => new MysqlAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new MysqlIntrospector(db),
      createQueryCompiler: () => new MysqlQueryCompiler(),
    },
  }).withPlugin(new AuthDatabasePlugin('entrada_auth'));
}

function postgres(): Kysely<ElentraTables> {
  return new Kysely<ElentraTables>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }).withPlugin(new AuthDatabasePlugin('elentra_auth'));
}

describe('AuthDatabasePlugin', () => {
  it('qualifies user_data, user_access and organisations, and nothing else (MySQL)', () => {
    const query = mysql()
      .selectFrom('course_contacts as cc')
      .innerJoin('user_data as u', 'u.id', 'cc.proxy_id')
      .innerJoin('user_access', 'user_access.user_id', 'u.id')
      .leftJoin('organisations as o', 'o.organisation_id', 'u.organisation_id')
      .select(['u.email', 'user_access.account_active', 'cc.course_id'])
      .compile();
    expect(query.sql).toBe(
      'select `u`.`email`, `entrada_auth`.`user_access`.`account_active`, `cc`.`course_id` ' +
        'from `course_contacts` as `cc` ' +
        'inner join `entrada_auth`.`user_data` as `u` on `u`.`id` = `cc`.`proxy_id` ' +
        'inner join `entrada_auth`.`user_access` on `entrada_auth`.`user_access`.`user_id` = `u`.`id` ' +
        'left join `entrada_auth`.`organisations` as `o` on `o`.`organisation_id` = `u`.`organisation_id`',
    );
  });

  it('qualifies inserts, subqueries and DDL (PostgreSQL)', () => {
    const db = postgres();
    expect(db.insertInto('user_data').values({ notes: '', created_date: 0, created_by: 1 }).compile().sql).toBe(
      'insert into "elentra_auth"."user_data" ("notes", "created_date", "created_by") values ($1, $2, $3)',
    );
    const subquery = db
      .selectFrom('course_audience')
      .select('course_id')
      .where('audience_value', 'in', db.selectFrom('user_access').select('user_id'))
      .compile();
    expect(subquery.sql).toContain('from "elentra_auth"."user_access"');
    expect(subquery.sql).toContain('from "course_audience"');
    expect(db.schema.createIndex('i').on('user_access').column('user_id').compile().sql).toBe(
      'create index "i" on "elentra_auth"."user_access" ("user_id")',
    );
  });
});
