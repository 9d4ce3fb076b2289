// Elentra keeps `user_data`, `user_access` and `organisations` in a second database on the same server
// (`entrada_auth`). This Kysely plugin qualifies those three table names with that database (MySQL/MariaDB) or schema
// (PostgreSQL) wherever a query names them, so the read model writes `selectFrom('user_data')` and the SQL says
// `entrada_auth`.`user_data`. Kysely's own WithSchemaPlugin would qualify every table, which is not what we need.

import type { QueryId } from 'kysely';
import {
  IdentifierNode,
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type SchemableIdentifierNode,
  type UnknownRow,
} from 'kysely';
import { AUTH_DATABASE_TABLES } from './tables.js';

class AuthDatabaseTransformer extends OperationNodeTransformer {
  readonly #authDatabase: string;

  constructor(authDatabase: string) {
    super();
    this.#authDatabase = authDatabase;
  }

  protected override transformSchemableIdentifier(
    node: SchemableIdentifierNode,
    queryId?: QueryId,
  ): SchemableIdentifierNode {
    const transformed = super.transformSchemableIdentifier(node, queryId);
    if (transformed.schema || !AUTH_DATABASE_TABLES.has(transformed.identifier.name)) return transformed;
    return { ...transformed, schema: IdentifierNode.create(this.#authDatabase) };
  }
}

export class AuthDatabasePlugin implements KyselyPlugin {
  readonly #transformer: AuthDatabaseTransformer;

  constructor(authDatabase: string) {
    this.#transformer = new AuthDatabaseTransformer(authDatabase);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node, args.queryId);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
