// How a group looks in Graph (group-get.md example, CSDL microsoft.graph.group), and the directory-object shape of
// its members and owners (`#microsoft.graph.user`).
import type { EmulatorContext, SeedUser } from '../context.js';
import { isoSeconds } from './http.js';
import type { GroupRecord } from './state.js';
import { userEntity } from './users.js';

export const GROUP_PROPERTIES = [
  'id',
  'deletedDateTime',
  'classification',
  'createdDateTime',
  'description',
  'displayName',
  'expirationDateTime',
  'groupTypes',
  'isAssignableToRole',
  'mail',
  'mailEnabled',
  'mailNickname',
  'membershipRule',
  'membershipRuleProcessingState',
  'onPremisesDomainName',
  'onPremisesLastSyncDateTime',
  'onPremisesNetBiosName',
  'onPremisesSamAccountName',
  'onPremisesSecurityIdentifier',
  'onPremisesSyncEnabled',
  'preferredDataLocation',
  'preferredLanguage',
  'proxyAddresses',
  'renewedDateTime',
  'resourceBehaviorOptions',
  'resourceProvisioningOptions',
  'securityEnabled',
  'securityIdentifier',
  'serviceProvisioningErrors',
  'theme',
  'visibility',
  'onPremisesProvisioningErrors',
] as const;

export function groupMail(ctx: EmulatorContext, group: GroupRecord): string | null {
  return group.mailEnabled ? `${group.mailNickname}@${ctx.tenant.domain}` : null;
}

/** `resourceProvisioningOptions: ["Team"]` once the group's team is provisioned (GRAPH-FACTS §3). */
export function groupEntity(ctx: EmulatorContext, group: GroupRecord): Record<string, unknown> {
  const mail = groupMail(ctx, group);
  return {
    id: group.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: isoSeconds(group.createdAtMs),
    description: group.description,
    displayName: group.displayName,
    expirationDateTime: null,
    groupTypes: [...group.groupTypes],
    isAssignableToRole: null,
    mail,
    mailEnabled: group.mailEnabled,
    mailNickname: group.mailNickname,
    membershipRule: null,
    membershipRuleProcessingState: null,
    onPremisesDomainName: null,
    onPremisesLastSyncDateTime: null,
    onPremisesNetBiosName: null,
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesSyncEnabled: null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: mail ? [`SMTP:${mail}`] : [],
    renewedDateTime: isoSeconds(group.createdAtMs),
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: group.team?.provisioned ? ['Team'] : [],
    securityEnabled: group.securityEnabled,
    securityIdentifier: `S-1-12-1-${[...group.id.replace(/-/g, '')].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7)}`,
    serviceProvisioningErrors: [],
    theme: null,
    visibility: group.visibility,
    onPremisesProvisioningErrors: [],
  };
}

/** A user as a member of a directory collection (`GET /groups/{id}/members`). */
export function directoryUser(user: SeedUser): Record<string, unknown> {
  return { '@odata.type': '#microsoft.graph.user', id: user.id, ...userEntity(user) };
}
