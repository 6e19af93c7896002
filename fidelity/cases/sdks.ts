// The seven official server SDKs at the commits the server and Call Connect cases were read at:
// each snapshot's newest commit, and for Node the one published as @authsignal/node 2.21.0.
export const node = { repo: "authsignal/authsignal-node", commit: "dca8a296e677dbc06cd0f2fd609f4f73f28eada5" } as const;
export const go = { repo: "authsignal/authsignalgo", commit: "ba3d89657d07a292f08c7b046318702ff871ff7e" } as const;
export const python = {
  repo: "authsignal/authsignal-python",
  commit: "32f21a951e44649791d9bc8db072abf8587a1b26",
} as const;
export const ruby = { repo: "authsignal/authsignal-ruby", commit: "cba87bce062571ec24d7040f18a1b21ea4372cea" } as const;
export const dotnet = {
  repo: "authsignal/authsignal-dotnet",
  commit: "123e06e5f7d2cd63c7dd37d9447cbf26d33d2c01",
} as const;
export const java = { repo: "authsignal/authsignal-java", commit: "7aad6c2edd60a51f949e3ec2511c7b89bba3c7da" } as const;
export const php = { repo: "authsignal/authsignal-php", commit: "ed9b95e06bd0006e82874cc4ddfc4ab80eeb8f89" } as const;

// The official web SDK, @authsignal/browser, that the Client API cases were read from: 1.16.0, the
// version the npm registry serves here, and 1.21.1, its newest commit. A case names 1.16.0 where
// its request or answer differs from 1.21.1's, and 1.21.1 where the two agree.
export const browser116 = {
  repo: "authsignal/authsignal-browser",
  commit: "278f1b1d6ee1353515b0fc5eb5efb6c04e4e1dd6",
} as const;
export const browser = {
  repo: "authsignal/authsignal-browser",
  commit: "4b6c49069d997a4c064516ac91634c6ef73419c5",
} as const;
