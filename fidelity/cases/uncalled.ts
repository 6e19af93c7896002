// Operations no official Authsignal client or Terraform resource calls, each with the reason: the
// only operations allowed to have no fidelity case. Keyed by API, then operationId.
export const uncalledOperations: Record<string, Record<string, string>> = {
  server: {
    updateDevice:
      "No official SDK has a method for it: the PHP SDK, the only one with device methods, lists and invalidates devices but never updates one. The docs' Update Device page is the source.",
    getAuthenticatorConfigurations:
      "None of the seven server SDKs calls GET /authenticators; the docs' Get Authenticator Configurations page is the only source.",
  },
  management: {
    updateAuthenticatorConfiguration:
      "The generic PATCH /authenticator-configurations/{authenticatorId} is documented in the API reference, but the management Go SDK and the Terraform provider call only the per-method SMS, email OTP, passkey and push endpoints.",
  },
  "call-connect": {},
  // The web SDK calls every Client API operation in the spec (getAuthenticators from 1.21.1 on).
  client: {},
};
