// Operations no official Authsignal client or Terraform resource calls, each with the reason: the
// only operations allowed to have no fidelity case. Keyed by API, then operationId.
export const uncalledOperations: Record<string, Record<string, string>> = {
  server: {},
  management: {
    updateAuthenticatorConfiguration:
      "The generic PATCH /authenticator-configurations/{authenticatorId} is documented in the API reference, but the management Go SDK and the Terraform provider call only the per-method SMS, email OTP, passkey and push endpoints.",
  },
  "call-connect": {},
};
