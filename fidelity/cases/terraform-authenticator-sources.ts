// Where the Terraform provider's authenticator-configuration cases come from: its lifecycle and
// mapping tests (against a stub of the API) and each method's resource, at the commits read.
const repo = "authsignal/terraform-provider-authsignal";

export const lifecycle = (at: string) =>
  ({
    repo,
    path: "internal/provider/authenticator_lifecycle_test.go",
    commit: "286d0daf66382e03dc9af1d9db64b8d641d3d498",
    at,
  }) as const;

export const mapping = (at: string) =>
  ({
    repo,
    path: "internal/provider/authenticator_mapping_test.go",
    commit: "26279c8c1b97ca762ca277158a233856b5e8dee0",
    at,
  }) as const;

export const resource = (method: string, at: string) =>
  ({
    repo,
    path: `internal/provider/${method}_authenticator_configuration_resource.go`,
    commit: "286d0daf66382e03dc9af1d9db64b8d641d3d498",
    at,
  }) as const;
