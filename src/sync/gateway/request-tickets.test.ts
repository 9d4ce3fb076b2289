// Request → limiter ticket, as a table: the classes the emulator throttles by (emulator/src/graph/*.ts `throttle`).
import { describe, expect, it } from 'vitest';
import { ticketFor } from './request-tickets.js';

const T = '3f2c0d9e-0000-4000-8000-000000000001';

describe('ticketFor', () => {
  it.each([
    ['POST', '/teams', 'teams:createTeam'],
    ['GET', '/teams', 'teams:otherGet'],
    ['GET', `/teams/${T}?$select=id`, `teams:getTeam team:${T}`],
    ['PATCH', `/teams/${T}`, `teams:otherWrite team:${T}`],
    ['GET', `/teams/${T}/members?$top=999`, `teams:getMembers team:${T}`],
    ['POST', `/teams/${T}/members/add`, `teams:otherWrite team:${T}`],
    ['PATCH', `/teams/${T}/members/abc%3D%3D`, `teams:otherWrite team:${T}`],
    ['POST', `/teams/${T}/archive`, `teams:otherWrite team:${T}`],
    ['GET', `/teams('${T}')/operations('op1')`, `teams:otherGet team:${T}`],
    ['PUT', `/groups/${T}/team`, `teams:teamify team:${T}`],
    ['POST', `/groups/${T}/events`, `mailbox:${T}`],
    ['GET', "/users?$filter=mail in ('a@x')&$select=id", 'directory:ru'],
    ['GET', "/users?$filter=mail in ('a@x')", 'directory:ru*2'],
    ['GET', `/groups/${T}/members`, 'directory:ru*3'],
    ['POST', '/groups', 'directory:ru directory:write'],
    ['GET', 'https://graph.microsoft.com/v1.0/groups/delta?$deltatoken=x', 'directory:ru'],
  ])('%s %s → %s', (method, path, ticket) => {
    expect(ticketFor({ method, path })).toBe(ticket);
  });

  it('sums the inner requests of a $batch and keeps a caller key it cannot derive', () => {
    const body = {
      requests: [
        { id: '1', method: 'POST', url: `/teams/${T}/members/add` },
        { id: '2', method: 'POST', url: `/teams/${T}/members/remove` },
        { id: '3', method: 'GET', url: '/teams/t2/members' },
      ],
    };
    expect(ticketFor({ method: 'POST', path: '/$batch', body }, 'run:x')).toBe(
      `teams:otherWrite*2 team:${T}*2 teams:getMembers team:t2 run:x`,
    );
  });

  it('uses the query given beside the path', () => {
    expect(ticketFor({ method: 'GET', path: '/users', query: { $select: 'id' } })).toBe('directory:ru');
  });
});
