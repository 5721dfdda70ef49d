import { MemoryStorage, type StoreItems } from 'botbuilder';
import { ConfigError, loadConfig } from '../../src/app/config';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/search/knowledgeBase';
import { startBotServer } from '../support/http';
import { ANA, BEN, OTHER_TENANT, TENANT, botAdded, cardSubmit, channel, installationUpdate, memberAdded, personal, playTeams, teamsMessage } from '../support/teams';

/** ALLOWED_TENANTS: other organisations get a polite refusal in their language, a log line, and nothing else. */

class CountingStorage extends MemoryStorage {
  writes = 0;
  override async write(changes: StoreItems): Promise<void> {
    this.writes++;
    return super.write(changes);
  }
}

const LOGON_ES = 'el flujo mcSynch_mcExec1 falla con devolución vacía del método Logon del servicio xtk:session';
const LOGON_EN = "Empty return for method 'Logon' of service 'xtk:session'";
const REFUSED_ES = 'no estoy disponible para tu organización';
const REFUSED_EN = "I'm not available for your organisation";

let knowledgeBase: KnowledgeBase;
beforeAll(async () => {
  knowledgeBase = await openKnowledgeBase([], () => undefined);
});

describe('ALLOWED_TENANTS', () => {
  it("refuses another tenant politely in the user's language, logs one line, and does nothing else", async () => {
    const storage = new CountingStorage();
    const run = await playTeams(
      knowledgeBase,
      {
        name: 'other tenant',
        steps: [
          { send: installationUpdate(personal(ANA), ANA, { tenant: OTHER_TENANT }), expect: [REFUSED_ES], reject: ['¡Hola!'] },
          { send: teamsMessage(personal(ANA), ANA, LOGON_ES, { tenant: OTHER_TENANT }), expect: [REFUSED_ES], reject: ['KA-05406'] },
          { send: teamsMessage(channel('9'), BEN, LOGON_EN, { tenant: OTHER_TENANT }), expect: [REFUSED_EN], reject: ['KA-05406', '<at>'] },
          { send: cardSubmit(personal(BEN), BEN, { kbAction: 'offer', answer: 'yes' }, { tenant: OTHER_TENANT }), expect: [REFUSED_EN], reject: ['When did the error happen?'] },
          // Only in conversation.tenantId, as some activities carry it.
          { send: teamsMessage(personal(BEN), BEN, LOGON_EN, { tenant: OTHER_TENANT, omitChannelDataTenant: true }), expect: [REFUSED_EN] },
          // No tenant at all: not an allowed one either.
          {
            send: { ...teamsMessage(personal(BEN), BEN, LOGON_EN), channelData: {}, conversation: { id: 'a:x', conversationType: 'personal', isGroup: false, name: '' } },
            expect: [REFUSED_EN],
          },
          // Events nobody reads an answer to are logged and ignored.
          { send: memberAdded(channel(), BEN, ANA, { tenant: OTHER_TENANT }), silent: true },
        ],
      },
      { allowedTenants: [TENANT], storage },
    );
    expect(run.refusals).toHaveLength(7);
    expect(run.refusals[1]).toMatch(new RegExp(`^Refused a message activity from tenant ${OTHER_TENANT}: not in ALLOWED_TENANTS \\(channel=msteams conversationType=personal\\)$`));
    expect(run.refusals[5]).toContain('from tenant (none)');
    // Nothing of what users wrote goes into the log.
    expect(run.refusals.join('\n')).not.toMatch(/Logon|mcSynch|falla/);
    expect(run.events).toEqual([]);
    expect(storage.writes).toBe(0);
  });

  it('serves the allowed tenants as usual, whatever the case of the id', async () => {
    const run = await playTeams(
      knowledgeBase,
      {
        name: 'allowed tenant',
        steps: [
          { send: botAdded(personal(ANA), ANA), expect: ['¡Hola!'] },
          { send: teamsMessage(personal(ANA), ANA, LOGON_ES), expect: ['KA-05406'] },
          { send: teamsMessage(channel('9'), BEN, LOGON_EN, { tenant: TENANT.toUpperCase() }), expect: ['KA-05406'] },
        ],
      },
      { allowedTenants: [OTHER_TENANT, TENANT] },
    );
    expect(run.refusals).toEqual([]);
  });

  it('serves every tenant, and activities with none, when unset', async () => {
    const run = await playTeams(knowledgeBase, {
      name: 'no allow-list',
      steps: [
        { send: teamsMessage(personal(ANA), ANA, LOGON_ES, { tenant: OTHER_TENANT }), expect: ['KA-05406'] },
        {
          send: {
            type: 'message',
            channelId: 'emulator',
            text: LOGON_EN,
            conversation: { id: 'emu-1', isGroup: false, conversationType: 'personal', name: '' },
            from: { id: 'u', name: 'u' },
            recipient: { id: 'b', name: 'b' },
          },
          expect: ['KA-05406'],
        },
      ],
    });
    expect(run.refusals).toEqual([]);
  });

  it('is read from the environment as a comma-separated list of tenant ids', () => {
    expect(loadConfig({}).allowedTenants).toEqual([]);
    expect(loadConfig({ ALLOWED_TENANTS: '' }).allowedTenants).toEqual([]);
    expect(loadConfig({ ALLOWED_TENANTS: ` ${TENANT.toUpperCase()} , ${OTHER_TENANT},` }).allowedTenants).toEqual([TENANT, OTHER_TENANT]);
    expect(() => loadConfig({ ALLOWED_TENANTS: `${TENANT},contoso.onmicrosoft.com` })).toThrow(ConfigError);
    expect(() => loadConfig({ ALLOWED_TENANTS: 'contoso' })).toThrow(/ALLOWED_TENANTS.*GUID/);
  });

  it('applies over HTTP, as the service runs it', async () => {
    const refusals: string[] = [];
    const server = await startBotServer({ bot: { record: () => undefined, allowedTenants: [TENANT], logRefusedTenant: (line) => refusals.push(line) } });
    try {
      const post = async (tenant: string) => {
        const activity = { ...teamsMessage(channel('77'), BEN, LOGON_EN, { tenant }), deliveryMode: 'expectReplies' };
        const { status, body } = await server.post(activity);
        expect(status).toBe(200);
        return JSON.stringify(body);
      };
      expect(await post(OTHER_TENANT)).toContain(REFUSED_EN);
      expect(await post(TENANT)).toContain('KA-05406');
      expect(refusals).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
