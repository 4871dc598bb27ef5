import type { CodegenConfig } from '@graphql-codegen/cli';
import { ENUM_VALUES } from './api/schema/enums';

const repo = (file: string, type: string) => `../../models/repositories/${file}.repository#${type}`;

/**
 * Resolver types from the SDL, and the web app's typed operations: `npm run codegen` writes
 * api/generated/graphql.ts and web/src/gql/, and CI's `npm run codegen:check` fails when either
 * checked-in output is not what the schema and the web app's documents give.
 */
const config: CodegenConfig = {
  overwrite: true,
  schema: 'api/schema/**/*.graphql',
  generates: {
    'api/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context#GraphQLContext',
        useTypeImports: true,
        useIndexSignature: false,
        // Enums are string unions of the values stored in the database, which the resolver maps of
        // each enum translate at run time; the union lets rows be returned without conversion.
        enumsAsTypes: true,
        enumValues: ENUM_VALUES,
        scalars: { DateTime: 'Date', MinorUnits: 'number' },
        // graphql-js reads undefined as null, and DataLoader answers a missing row with undefined.
        maybeValue: 'T | null | undefined',
        mappers: {
          User: repo('users', 'UserRow'),
          Brand: repo('users', 'BrandRow'),
          Note: '../schema/parents#ServedNote',
          Media: repo('notes', 'NoteMediaRow'),
          ProductTag: repo('notes', 'NoteProductRow'),
          Topic: '../schema/parents#TopicParent',
          MediaUpload: repo('media', 'MediaRow'),
          Comment: repo('social', 'CommentRow'),
          Board: repo('social', 'BoardWithCount'),
          Product: repo('products', 'ProductRow'),
          SearchHit: '../schema/parents#SearchHitParent',
          Order: repo('commerce', 'OrderRow'),
          AttributionKind: '../schema/parents#AttributionKindValue',
          AttributionCredit: repo('commerce', 'AttributionRow'),
          Refund: '../schema/parents#RefundParent',
          SponsorDeal: repo('commerce', 'SponsorDealRow'),
          Funnel: '../../commerce/analytics.service#Funnel as FunnelModel',
          Sales: '../schema/parents#SalesParent',
          SponsoredFigures: '../schema/parents#SponsoredParent',
          SponsorDealFigures: '../schema/parents#SponsorDealParent',
          TopNote: '../schema/parents#TopParent',
          TopCreator: '../schema/parents#TopParent',
        },
      },
    },
    'web/src/gql/': {
      preset: 'client',
      documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
      // Components read the fields they select directly; fragment masking would add a helper call per read.
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        // String unions, like the SDL's values: no runtime enum objects in the bundle.
        enumsAsTypes: true,
        scalars: { DateTime: 'string', MinorUnits: 'number' },
      },
    },
  },
};

export default config;
