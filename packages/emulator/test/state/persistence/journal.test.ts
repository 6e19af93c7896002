// Every writer of the store marks what it changed: each is called in turn over a journal whose
// data dir is a map of rows, and after each commit the rows put back together must be the state.
// The script is typed by the store, so tsc fails here when a writer is added without a call.
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../../src/emulator.ts";
import { createJournal } from "../../../src/state/persistence/journal.ts";
import { type Row, rowsOf, stateFromRows } from "../../../src/state/persistence/rows.ts";
import type { DataDir } from "../../../src/state/persistence/sqlite.ts";
import { withPrototypeFreeRecords } from "../../../src/state/records.ts";
import type { StoredAction, StoredChallenge, StoredSession } from "../../../src/state/server.ts";
import { createStore, type Store } from "../../../src/state/store.ts";
import type { EmulatorState } from "../../../src/state/types.ts";
import { at, storedAction } from "../stored-action.ts";

/** A data dir that keeps its rows in a map, as the database would. */
function rowsDataDir() {
  const rows = new Map<string, Row>();
  const write = (written: Iterable<Row>) => {
    for (const row of written) {
      const key = JSON.stringify([row.kind, row.id]);
      if (row.value === undefined) rows.delete(key);
      else rows.set(key, row);
    }
  };
  const dataDir: DataDir = {
    stored: undefined,
    write,
    replaceAll(state) {
      rows.clear();
      write(rowsOf(state));
    },
    close() {},
  };
  return { dataDir, stored: () => stateFromRows([...rows.values()] as { kind: string; id: string; value: string }[]) };
}

const later = "2026-01-02T00:00:00.000Z";
const address = { userId: "usr_a", actionCode: "signIn", idempotencyKey: "key_1" };
const action = (overrides: Partial<StoredAction> = {}): StoredAction =>
  storedAction({
    ...address,
    outcome: "CHALLENGE",
    state: "CHALLENGE_REQUIRED",
    allowedVerificationMethods: ["SMS"],
    deviceId: "dev_1",
    ...overrides,
  });
const challenge: StoredChallenge = {
  challengeId: "chl_1",
  verificationMethod: "SMS",
  phoneNumber: "+64210000001",
  actionCode: "signIn",
  idempotencyKey: "key_1",
  userId: "usr_a",
  code: "123456",
  createdAt: at,
  expiresAt: Date.parse(later),
  failedAttempts: 0,
};
const session = (sessionId: string): StoredSession => ({
  sessionId,
  userId: "usr_a",
  clientId: "mobile",
  accessTokenId: `jti_${sessionId}`,
  refreshToken: `refresh_${sessionId}`,
  accessTokenExpiresAt: Date.parse(later),
  refreshTokenExpiresAt: Date.parse(later),
});
const rule = { ruleId: "rule_1", name: "Rule", isActive: true, priority: 1, type: "BLOCK", conditions: {} } as never;
const list = (items: string[]) =>
  ({ alias: "blocked", name: "Blocked", itemType: "string", isActive: true, valueListItems: items }) as never;
const point = (name: string) => ({ id: "cdp_1", name, dataType: "number", modelType: "action" }) as never;

type Script<Writers> = { [Name in keyof Writers]: (writers: Writers) => unknown };

const server: Script<Store["server"]> = {
  ensureUser: (w) => w.ensureUser("usr_a", at),
  updateUser: (w) => w.updateUser("usr_a", { username: "a", custom: { tier: 1 } }, at),
  addAuthenticator: (w) =>
    w.addAuthenticator({ userId: "usr_a", userAuthenticatorId: "auth_1", verificationMethod: "SMS" } as never, at),
  setDefaultVerificationMethod: (w) => w.setDefaultVerificationMethod("usr_a", "SMS"),
  removeAuthenticator: (w) => w.removeAuthenticator("usr_a", "auth_1"),
  recordTrack: (w) => w.recordTrack(action(), { deviceId: "dev_1", email: "a@example.com" }, at),
  rememberDevice: (w) => w.rememberDevice("usr_a", "dev_1", later),
  invalidateDevice: (w) => w.invalidateDevice("usr_a", "dev_1", at),
  keepAction: (w) => w.keepAction(action({ userId: "usr_b", idempotencyKey: "key_b" }), at),
  setActionState: (w) => w.setActionState(address, "REVIEW_REQUIRED", at),
  succeedAction: (w) => w.succeedAction(address, { verificationMethod: "SMS", userAuthenticatorId: "auth_1" }, later),
  failAction: (w) => w.failAction(address, "SMS", later),
  putChallenge: (w) => w.putChallenge({ ...challenge }),
  recordFailedAttempt: (w) => w.recordFailedAttempt("chl_1", 1, later),
  spendChallenge: (w) => w.spendChallenge("chl_1", later),
  claimChallenge: (w) => w.claimChallenge("chl_1", "usr_a"),
  putClientChallenge: (w) => {
    w.putClientChallenge({
      kind: "push",
      challengeId: "push_1",
      userId: "usr_a",
      createdAt: at,
      expiresAt: Date.parse(later),
    });
    return w.putClientChallenge({
      kind: "magic-link",
      challengeId: "link_1",
      userId: "usr_a",
      email: "a@example.com",
      createdAt: at,
      expiresAt: Date.parse(later),
    });
  },
  startCeremony: (w) =>
    w.startCeremony({
      kind: "passkey-authentication",
      challengeId: "cer_1",
      challenge: "Y2hhbGxlbmdl",
      createdAt: at,
      expiresAt: Date.parse(later),
    }),
  useClientChallenge: (w) => w.useClientChallenge("cer_1", at, Date.parse(at)),
  answerPush: (w) => w.answerPush("push_1", "APPROVED", Date.parse(at)),
  consumePush: (w) => w.consumePush("push_1", at),
  openMagicLink: (w) => w.openMagicLink("link_1", at, Date.parse(at)),
  putPasskey: (w) =>
    w.putPasskey({
      credentialId: "cred_1",
      userId: "usr_a",
      userAuthenticatorId: "auth_pk",
      publicKey: "cHVibGlj",
      counter: 1,
      userHandle: "dXNyX2E",
    }),
  advancePasskey: (w) => w.advancePasskey("cred_1", 2, later),
  putTotp: (w) => w.putTotp({ userAuthenticatorId: "auth_app", userId: "usr_a", secret: "JBSWY3DPEHPK3PXP" }),
  spendTotpStep: (w) => w.spendTotpStep("auth_app", 100),
  putSession: (w) => {
    w.putSession(session("ses_1"));
    return w.putSession(session("ses_2"));
  },
  revokeSession: (w) => w.revokeSession("ses_1", later),
  revokeUserSessions: (w) => w.revokeUserSessions("usr_a", later),
  deleteUser: (w) => w.deleteUser("usr_a", { withActions: true }),
};

const management: Script<Store["management"]> = {
  putTenant: (w) => w.putTenant({ tenantId: "t_1", name: "Renamed" }),
  putTheme: (w) => w.putTheme({ name: "Dark" } as never),
  addActionConfiguration: (w) => w.addActionConfiguration({ actionCode: "pay", defaultUserActionResult: "ALLOW" }),
  putActionConfiguration: (w) =>
    w.putActionConfiguration({ actionCode: "flow", defaultUserActionResult: "ALLOW", actionType: "FLOW" } as never),
  publishFlow: (w) => w.publishFlow("flow", [], [{ ...(rule as object), ruleId: "flow_rule" } as never]),
  putRule: (w) => w.putRule("pay", rule),
  deleteRule: (w) => w.deleteRule("pay", "rule_1"),
  addValueList: (w) => w.addValueList(list(["a"])),
  putValueList: (w) => w.putValueList(list(["a", "b"])),
  deleteValueList: (w) => w.deleteValueList("blocked"),
  addCustomDataPoint: (w) => w.addCustomDataPoint(point("amount")),
  putCustomDataPoint: (w) => w.putCustomDataPoint(point("total")),
  deleteCustomDataPoint: (w) => w.deleteCustomDataPoint("cdp_1"),
  replaceMessageOverrides: (w) => w.replaceMessageOverrides({ en: { smsOtp: "Code {code}" } } as never),
  addAuthenticatorConfiguration: (w) => w.addAuthenticatorConfiguration("sms", { isActive: true } as never),
  putAuthenticatorConfiguration: (w) => w.putAuthenticatorConfiguration("sms", { isActive: false } as never),
  deleteAuthenticatorConfiguration: (w) => w.deleteAuthenticatorConfiguration("sms"),
  deleteActionConfiguration: (w) => w.deleteActionConfiguration("flow"),
};

const emulator: Script<Store["emulator"]> = {
  recordMessage: (w) =>
    w.recordMessage({
      messageId: "msg_1",
      channel: "SMS",
      to: "+64210000001",
      code: "123456",
      challengeId: "chl_1",
      actionCode: "signIn",
      idempotencyKey: "key_1",
      createdAt: at,
    }),
  recordDelivery: (w) =>
    w.recordDelivery({
      deliveryId: "dlv_1",
      eventId: "evt_1",
      type: "sms.created",
      url: "http://127.0.0.1/",
      body: "{}",
      signature: "t=1,v2=x",
      status: 200,
      deliveredAt: at,
    }),
  advanceClock: (w) => w.advanceClock(60_000),
  updateSettings: (w) => w.updateSettings({ otpLength: 8 }),
  keepActionTokenSecret: (w) => w.keepActionTokenSecret("secret"),
  keepSessionKey: (w) => w.keepSessionKey({ kid: "kid_1", privateJwk: { kty: "RSA" }, publicJwk: { kty: "RSA" } }),
};

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("the journal", () => {
  it("writes what every writer changed, so the rows are the state after each commit", () => {
    let state: EmulatorState = withPrototypeFreeRecords(createEmulator().exportState());
    const { dataDir, stored } = rowsDataDir();
    const journal = createJournal(dataDir, () => state, { whole: true });
    const store = createStore(
      () => state,
      (next) => {
        state = next;
      },
      journal,
    );
    journal.commit();
    const steps = [
      ...Object.entries(server).map(([name, call]) => [name, () => call(store.server)] as const),
      ...Object.entries(management).map(([name, call]) => [name, () => call(store.management)] as const),
      ...Object.entries(emulator).map(([name, call]) => [name, () => call(store.emulator)] as const),
    ];
    const before = plain(state);
    for (const [name, step] of steps) {
      step();
      journal.commit();
      expect(plain(stored()), `after ${name}`).toEqual(plain(state));
    }
    expect(plain(state)).not.toEqual(before);
    const fresh = withPrototypeFreeRecords(createEmulator().exportState());
    store.replaceAll(fresh);
    journal.commit();
    expect(plain(stored())).toEqual(plain(fresh));
  });
});
