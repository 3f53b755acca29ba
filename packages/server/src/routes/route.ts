/** What every route module gives the handler: the routes of the paths it knows. */

export type RouteHandler = (request: Request) => Promise<Response> | Response;

export interface Route {
  /** Needs the bearer token when one is configured. */
  api: boolean;
  /** By method, in the order the `Allow` header lists them. */
  methods: Partial<Record<string, RouteHandler>>;
}

/** The route of a path, or `undefined` when the path is not one of this module's. */
export type Routes = (path: string) => Route | undefined;
