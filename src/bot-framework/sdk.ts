/**
 * The Bot Framework SDK, loaded with `require`. Its packages are CommonJS; imported from an ES
 * module (the compiled bot is one), Node first scans their sources for export names
 * (cjs-module-lexer), following each re-export of botbuilder's index through botbuilder-core,
 * botframework-schema and botframework-connector: a sizeable share of start-up, which
 * `require` skips. Types are imported from the packages as usual.
 */
import { createRequire } from 'node:module';
import type * as Botbuilder from 'botbuilder';
import type * as Connector from 'botframework-connector';

const requireSdk = createRequire(import.meta.url);

/** The `botbuilder` package. */
export const botbuilder = requireSdk('botbuilder') as typeof Botbuilder;

/** The `botframework-connector` package. */
export const connector = requireSdk('botframework-connector') as typeof Connector;
