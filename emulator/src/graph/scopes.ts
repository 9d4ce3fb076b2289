// Which delegated scopes may call which route. A request passes when its token holds any scope of the rule
// (GRAPH-FACTS §1–§6 and each API page's permissions table on learn.microsoft.com/graph/api). Missing scopes are answered
// the way each service answers them: directory 403 `Authorization_RequestDenied`, Teams 403 `Forbidden` ("Missing
// scope permissions on the request…"), Outlook 403 `ErrorAccessDenied`.
//
// | rule              | routes                                                          | any of                                                                                          |
// |-------------------|-----------------------------------------------------------------|-------------------------------------------------------------------------------------------------|
// | me                | GET /me, /me/outlook/supportedTimeZones                          | User.Read, User.ReadWrite, User.ReadBasic.All, User.Read.All, User.ReadWrite.All, Directory.*  |
// | usersRead         | GET /users, /users/{id}                                          | User.ReadBasic.All, User.Read.All, User.ReadWrite.All, Directory.Read.All, Directory.ReadWrite.All |
// | groupsRead        | GET /groups, /groups/{id}, members, owners, groups/delta         | GroupMember.Read.All, Group.Read.All, Group.ReadWrite.All, Directory.Read.All, Directory.ReadWrite.All |
// | groupCreate       | POST /groups                                                    | Group.Create, Group.ReadWrite.All, Directory.ReadWrite.All                                      |
// | groupsWrite       | PATCH/DELETE /groups/{id}                                       | Group.ReadWrite.All, Directory.ReadWrite.All                                                    |
// | groupMembersWrite | POST/DELETE /groups/{id}/members|owners/$ref                    | GroupMember.ReadWrite.All, Group.ReadWrite.All, Directory.ReadWrite.All                         |
// | teamCreate        | POST /teams                                                     | Team.Create, Group.ReadWrite.All, Directory.ReadWrite.All                                       |
// | teamify           | PUT /groups/{id}/team                                           | Group.ReadWrite.All, Directory.ReadWrite.All                                                    |
// | teamRead          | GET /teams, /teams/{id}, /groups/{id}/team, operations          | Team.ReadBasic.All, TeamSettings.Read(Write).All, Group.Read(Write).All, Directory.Read(Write).All (+ Team.Create for operations) |
// | teamWrite         | PATCH /teams/{id}, archive, unarchive                           | TeamSettings.ReadWrite.All, Group.ReadWrite.All, Directory.ReadWrite.All                        |
// | teamMembersRead   | GET /teams/{id}/members[/{id}]                                  | TeamMember.Read.All, TeamMember.ReadWrite.All, Group.Read.All, Group.ReadWrite.All              |
// | teamMembersWrite  | POST/PATCH/DELETE members, members/add, members/remove          | TeamMember.ReadWrite.All (conversationmembers-add.md lists no other delegated permission)       |
// | eventsRead        | GET /groups/{id}/events[/{id}], calendar/events, calendarView    | Group.Read.All, Group.ReadWrite.All                                                             |
// | eventsWrite       | POST/PATCH/DELETE group events                                  | Group.ReadWrite.All (delegated only, GRAPH-FACTS §6)                                           |
// | none              | POST /$batch (each inner request is checked on its own)          | —                                                                                               |

export type Service = 'directory' | 'teams' | 'outlook';

export interface ScopeRule {
  name: string;
  service: Service;
  anyOf: readonly string[];
}

const DIRECTORY_READ = ['Directory.Read.All', 'Directory.ReadWrite.All'];

export const SCOPES = {
  me: rule('me', 'directory', [
    'User.Read',
    'User.ReadWrite',
    'User.ReadBasic.All',
    'User.Read.All',
    'User.ReadWrite.All',
    ...DIRECTORY_READ,
  ]),
  usersRead: rule('usersRead', 'directory', [
    'User.ReadBasic.All',
    'User.Read.All',
    'User.ReadWrite.All',
    ...DIRECTORY_READ,
  ]),
  groupsRead: rule('groupsRead', 'directory', [
    'GroupMember.Read.All',
    'Group.Read.All',
    'Group.ReadWrite.All',
    ...DIRECTORY_READ,
  ]),
  groupCreate: rule('groupCreate', 'directory', ['Group.Create', 'Group.ReadWrite.All', 'Directory.ReadWrite.All']),
  groupsWrite: rule('groupsWrite', 'directory', ['Group.ReadWrite.All', 'Directory.ReadWrite.All']),
  groupMembersWrite: rule('groupMembersWrite', 'directory', [
    'GroupMember.ReadWrite.All',
    'Group.ReadWrite.All',
    'Directory.ReadWrite.All',
  ]),
  teamCreate: rule('teamCreate', 'teams', ['Team.Create', 'Group.ReadWrite.All', 'Directory.ReadWrite.All']),
  teamify: rule('teamify', 'teams', ['Group.ReadWrite.All', 'Directory.ReadWrite.All']),
  teamRead: rule('teamRead', 'teams', [
    'Team.ReadBasic.All',
    'TeamSettings.Read.All',
    'TeamSettings.ReadWrite.All',
    'Group.Read.All',
    'Group.ReadWrite.All',
    ...DIRECTORY_READ,
  ]),
  teamOperationRead: rule('teamOperationRead', 'teams', [
    'Team.Create',
    'Team.ReadBasic.All',
    'TeamSettings.Read.All',
    'TeamSettings.ReadWrite.All',
    'Group.Read.All',
    'Group.ReadWrite.All',
    ...DIRECTORY_READ,
  ]),
  teamWrite: rule('teamWrite', 'teams', [
    'TeamSettings.ReadWrite.All',
    'Group.ReadWrite.All',
    'Directory.ReadWrite.All',
  ]),
  teamMembersRead: rule('teamMembersRead', 'teams', [
    'TeamMember.Read.All',
    'TeamMember.ReadWrite.All',
    'Group.Read.All',
    'Group.ReadWrite.All',
  ]),
  teamMembersWrite: rule('teamMembersWrite', 'teams', ['TeamMember.ReadWrite.All']),
  eventsRead: rule('eventsRead', 'outlook', ['Group.Read.All', 'Group.ReadWrite.All']),
  eventsWrite: rule('eventsWrite', 'outlook', ['Group.ReadWrite.All']),
  none: rule('none', 'directory', []),
} as const;

function rule(name: string, service: Service, anyOf: readonly string[]): ScopeRule {
  return { name, service, anyOf };
}

/** Scopes compare case-insensitively (Microsoft treats permission names that way). */
export function hasScope(granted: readonly string[], rule: ScopeRule): boolean {
  if (rule.anyOf.length === 0) return true;
  const have = new Set(granted.map((s) => s.toLowerCase()));
  return rule.anyOf.some((s) => have.has(s.toLowerCase()));
}
