import cluster from 'node:cluster';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';

// The ceiling the API benches divide by: Apollo Server on Express 5, as the product runs them, in as many
// processes sharing one port, answering the benches' feed query with 20 notes held in memory. No database,
// cache, ranking or authorization: what the GraphQL stack itself costs a request on this machine.
//   CEILING_PORT, CEILING_WORKERS

const PORT = Number(process.env.CEILING_PORT ?? 4790);
const WORKERS = Number(process.env.CEILING_WORKERS ?? 2);

const typeDefs = `#graphql
  type Price { formatted: String! }
  type Product { id: ID! title: String! price: Price! }
  type ProductTag { product: Product! }
  type Media { url: String! width: Int! height: Int! }
  type User { id: ID! handle: String! displayName: String! avatarUrl: String }
  type Note {
    id: ID! title: String! kind: String! likeCount: Int! collectCount: Int! viewerHasLiked: Boolean!
    author: User! media: [Media!]! productTags: [ProductTag!]!
  }
  type NoteEdge { node: Note! cursor: String! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type NoteConnection { edges: [NoteEdge!]! pageInfo: PageInfo! }
  type Query { feed(first: Int = 20): NoteConnection! }
`;

const notes = Array.from({ length: 20 }, (_, i) => ({
  id: `0192f0c4-0000-7000-8000-${String(i).padStart(12, '0')}`,
  title: `口红试色 lipstick swatch ${i}`,
  kind: 'IMAGE',
  likeCount: 100 + i,
  collectCount: 10 + i,
  viewerHasLiked: false,
  author: {
    id: `0192f0c4-0000-7000-9000-${String(i).padStart(12, '0')}`,
    handle: `creator_${i}`,
    displayName: `Creator ${i}`,
    avatarUrl: null,
  },
  media: [{ url: `/media/images/${i}/feed.webp`, width: 1080, height: 1440 }],
  productTags: i % 3 === 0 ? [{ product: { id: `p${i}`, title: 'Velvet lipstick', price: { formatted: '¥199.00' } } }] : [],
}));
const page = { edges: notes.map((node) => ({ node, cursor: 'c' })), pageInfo: { hasNextPage: true, endCursor: 'c' } };

async function serve(): Promise<void> {
  const apollo = new ApolloServer({ typeDefs, resolvers: { Query: { feed: () => page } } });
  await apollo.start();
  const app = express();
  app.get('/readyz', (_req, res) => {
    res.json({ status: 'ready' });
  });
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  app.listen(PORT, '127.0.0.1');
}

if (cluster.isPrimary && WORKERS > 1) {
  for (let i = 0; i < WORKERS; i += 1) cluster.fork();
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    process.exit(0);
  });
} else {
  void serve();
  process.once('SIGTERM', () => process.exit(0));
}
