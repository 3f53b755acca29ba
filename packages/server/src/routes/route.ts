/** What every route module gives the handler: the routes of the paths it knows, and who may use them. */
import type { Principal } from '../auth/principal.ts';
import type { Role } from '../auth/types.ts';

export interface RouteContext {
  /**
   * Who is asking. Always there on an `api` route (the handler answered 401 otherwise), except
   * for the methods in `open`.
   */
  principal?: Principal | undefined;
}

export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response> | Response;

export interface Route {
  /** Under `/api`: needs a signed-in user or a key (401 otherwise), unless auth is off. */
  api: boolean;
  /** By method, in the order the `Allow` header lists them. HEAD is answered wherever GET is. */
  methods: Partial<Record<string, RouteHandler>>;
  /** The least role each method needs (403 below it); a method not named needs any role. */
  roles?: Partial<Record<string, Role>>;
  /** Methods of an `api` route that need nobody signed in, and check what they need themselves (signing in). */
  open?: readonly string[];
}

/** The route of a path, or `undefined` when the path is not one of this module's. */
export type Routes = (path: string) => Route | undefined;

/** The principal of a route that is not `open`: the handler never runs it without one. */
export function principalOf(context: RouteContext): Principal {
  if (!context.principal) throw new Error('A route that needs a principal ran without one');
  return context.principal;
}
