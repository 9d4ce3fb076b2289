// The tenant seed's schema (the TypeScript shape is TenantSeed in ../context.ts). emulator/tenant-seed.schema.json is
// generated from this one (seed-schema.test.ts fails when they drift), so editors can validate seed files too.
// Ids are GUIDs because Microsoft's are, and the product may rely on their shape.
import { z } from 'zod';
import { allGraphScopeNames } from './scopes.js';

const guid = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a GUID');

const seedUser = z
  .object({
    id: guid.describe('The Entra object id.'),
    displayName: z.string().min(1),
    givenName: z.string().nullable().optional(),
    surname: z.string().nullable().optional(),
    mail: z.email().nullable(),
    userPrincipalName: z.string().regex(/^[^@\s]+@[^@\s]+$/, 'must look like name@domain'),
    password: z.string().optional().describe('When set, the sign-in page asks for it.'),
    isAdmin: z.boolean().optional().describe('May consent to admin-only scopes for the whole tenant.'),
  })
  .strict();

const seedAppSecret = z
  .object({
    id: guid.describe('The "Secret ID" shown in the Azure portal.'),
    value: z.string().min(1).describe('The "Value".'),
    expiresAt: z.iso.datetime({ offset: true }).describe('A secret past it is refused with AADSTS7000222.'),
  })
  .strict();

const seedApp = z
  .object({
    clientId: guid,
    displayName: z.string().min(1),
    secrets: z.array(seedAppSecret),
    redirectUris: z.array(z.url()).min(1),
    adminConsentedScopes: z
      .array(z.enum(allGraphScopeNames() as [string, ...string[]]))
      .describe('Delegated Graph scopes an administrator granted tenant-wide ("Grant admin consent").'),
  })
  .strict();

export const tenantSeedSchema = z
  .object({
    $schema: z.string().optional(),
    tenantId: guid,
    domain: z.string().regex(/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/, 'must be a domain name such as school.onmicrosoft.com'),
    displayName: z.string().optional(),
    education: z.boolean().optional().describe('An education tenant allows the educationClass team template.'),
    users: z.array(seedUser),
    apps: z.array(seedApp),
  })
  .strict()
  .meta({ title: 'Elentra Teams emulator tenant seed' });
