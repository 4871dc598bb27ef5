import { graphql } from '../../gql';

/**
 * The notes that tag the brand's products: the ones a deal can be recorded on, once the brand confirmed sponsoring them.
 * The newest 10 notes of the newest 20 products: the API refuses a nested list much larger than that as too costly.
 */
export const ConsoleDealNotesQuery = graphql(`
  query ConsoleDealNotes {
    viewer {
      id
      brand {
        id
        products(first: 20) {
          edges {
            node {
              id
              title
              notes(first: 10) {
                edges {
                  node {
                    ...ConsoleDealNote
                  }
                }
              }
            }
          }
        }
      }
    }
    sponsorshipRequests(first: 20) {
      ...ConsoleDealNote
    }
  }
`);

export const ConsoleDealNoteFragment = graphql(`
  fragment ConsoleDealNote on Note {
    id
    title
    sponsorStatus
    sponsor {
      id
    }
    author {
      id
      displayName
    }
  }
`);

export const RespondToSponsorshipMutation = graphql(`
  mutation RespondToSponsorship($noteId: ID!, $accept: Boolean!) {
    respondToSponsorship(noteId: $noteId, accept: $accept) {
      ...ConsoleDealNote
    }
  }
`);

export const SetSponsorDealMutation = graphql(`
  mutation SetSponsorDeal($input: SponsorDealInput!) {
    setSponsorDeal(input: $input) {
      deal {
        cost {
          formatted
        }
        note {
          id
        }
      }
      error {
        code
        message
        field
      }
    }
  }
`);

export const ConsoleSponsorDealsQuery = graphql(`
  query ConsoleSponsorDeals($brandId: ID!, $range: DateRange!) {
    sponsorDeals(brandId: $brandId, range: $range) {
      note {
        id
        title
        author {
          id
          displayName
        }
      }
      cost {
        formatted
      }
      impressions
      engagements
      gmv {
        formatted
      }
      cpm {
        formatted
      }
      cpe {
        formatted
      }
      roi
    }
  }
`);
