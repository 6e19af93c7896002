// Users and everything that hangs off them. The helper building the Server API fills this in.
export interface ServerState {}
