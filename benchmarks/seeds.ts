// The seed files the emulator benchmarks start it with, written into a scratch folder.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A seed with 20 active rules on `signIn` that never match a clean track (an IP that is not
 * anonymous, an amount under 1,000), so every one of them is evaluated each time; its path.
 */
export function twentyRulesSeed(dir: string): string {
  const file = join(dir, "rules.json");
  writeFileSync(
    file,
    JSON.stringify({
      actionConfigurations: [{ actionCode: "signIn", defaultUserActionResult: "ALLOW" }],
      rules: Array.from({ length: 20 }, (_, index) => ({
        actionCode: "signIn",
        name: `Rule ${index}`,
        isActive: true,
        priority: index,
        type: "BLOCK",
        conditions: {
          or: [{ "==": [{ var: "ip.isAnonymous" }, true] }, { ">": [{ var: "custom.amount" }, 1000 + index] }],
        },
      })),
    }),
  );
  return file;
}

/** A seed with 100,000 users, each with an email and an SMS authenticator; its path. */
export function hundredThousandUsersSeed(dir: string): string {
  const file = join(dir, "users.json");
  writeFileSync(
    file,
    JSON.stringify({
      users: Array.from({ length: 100_000 }, (_, index) => ({
        userId: `usr_${index}`,
        email: `user${index}@example.com`,
        authenticators: [{ verificationMethod: "SMS", phoneNumber: `+6421${String(index).padStart(7, "0")}` }],
      })),
    }),
  );
  return file;
}
