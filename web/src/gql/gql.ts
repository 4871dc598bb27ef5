/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConsoleBrands($nameContains: String!) {\n    brands(nameContains: $nameContains, first: 20) {\n      id\n      name\n    }\n  }\n": typeof types.ConsoleBrandsDocument,
    "\n  query ConsoleDashboard($scope: AnalyticsScope!, $range: DateRange!, $interval: AnalyticsInterval!) {\n    analyticsFunnel(scope: $scope, range: $range) {\n      impressions\n      reads\n      engagements\n      productClicks\n      ctr\n      cvr\n      repeatPurchaseRate\n      averageOrderValue {\n        formatted\n      }\n      sales {\n        ...ConsoleSales\n      }\n      viewThrough {\n        ...ConsoleSales\n      }\n      organic {\n        ...ConsoleSales\n      }\n    }\n    analyticsSeries(scope: $scope, range: $range, interval: $interval) {\n      at\n      funnel {\n        sales {\n          orders\n          gmv {\n            amountMinor\n            currency\n            formatted\n          }\n        }\n      }\n    }\n    topNotes(scope: $scope, range: $range, first: 10) {\n      note {\n        id\n        title\n        author {\n          id\n          displayName\n        }\n      }\n      funnel {\n        ...ConsoleTopFunnel\n      }\n    }\n    topCreators(scope: $scope, range: $range, first: 10) {\n      creator {\n        id\n        displayName\n      }\n      funnel {\n        ...ConsoleTopFunnel\n      }\n    }\n    audienceTopics(scope: $scope, range: $range) {\n      topic\n      reads\n      share\n    }\n  }\n": typeof types.ConsoleDashboardDocument,
    "\n  fragment ConsoleSales on Sales {\n    orders\n    refunds\n    gmv {\n      amountMinor\n      currency\n      formatted\n    }\n    refundAmount {\n      formatted\n    }\n    netGmv {\n      formatted\n    }\n  }\n": typeof types.ConsoleSalesFragmentDoc,
    "\n  fragment ConsoleTopFunnel on Funnel {\n    impressions\n    reads\n    productClicks\n    ctr\n    sales {\n      orders\n      gmv {\n        formatted\n      }\n    }\n  }\n": typeof types.ConsoleTopFunnelFragmentDoc,
    "\n  query ConsoleDealNotes {\n    viewer {\n      id\n      brand {\n        id\n        products(first: 20) {\n          edges {\n            node {\n              id\n              title\n              notes(first: 10) {\n                edges {\n                  node {\n                    ...ConsoleDealNote\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n    sponsorshipRequests(first: 20) {\n      ...ConsoleDealNote\n    }\n  }\n": typeof types.ConsoleDealNotesDocument,
    "\n  fragment ConsoleDealNote on Note {\n    id\n    title\n    sponsorStatus\n    sponsor {\n      id\n    }\n    author {\n      id\n      displayName\n    }\n  }\n": typeof types.ConsoleDealNoteFragmentDoc,
    "\n  mutation RespondToSponsorship($noteId: ID!, $accept: Boolean!) {\n    respondToSponsorship(noteId: $noteId, accept: $accept) {\n      ...ConsoleDealNote\n    }\n  }\n": typeof types.RespondToSponsorshipDocument,
    "\n  mutation SetSponsorDeal($input: SponsorDealInput!) {\n    setSponsorDeal(input: $input) {\n      deal {\n        cost {\n          formatted\n        }\n        note {\n          id\n        }\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.SetSponsorDealDocument,
    "\n  query ConsoleSponsorDeals($brandId: ID!, $range: DateRange!) {\n    sponsorDeals(brandId: $brandId, range: $range) {\n      note {\n        id\n        title\n        author {\n          id\n          displayName\n        }\n      }\n      cost {\n        formatted\n      }\n      impressions\n      engagements\n      gmv {\n        formatted\n      }\n      cpm {\n        formatted\n      }\n      cpe {\n        formatted\n      }\n      roi\n    }\n  }\n": typeof types.ConsoleSponsorDealsDocument,
    "\n  query ConsoleFeedExperiment {\n    feedExperiment {\n      name\n      since\n      arms {\n        arm\n        users\n        served\n        impressions\n        ctr\n        likeRate\n        purchaseRate\n      }\n    }\n  }\n": typeof types.ConsoleFeedExperimentDocument,
    "\n  query ConsoleOrders($brandId: ID!, $first: Int!, $after: String) {\n    brandOrders(brandId: $brandId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          occurredAt\n          quantity\n          source\n          attribution\n          amount {\n            formatted\n          }\n          refunded {\n            amountMinor\n            formatted\n          }\n          product {\n            id\n            title\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ConsoleOrdersDocument,
    "\n  query ConsoleOrder($id: ID!) {\n    order(id: $id) {\n      id\n      occurredAt\n      paidAt\n      quantity\n      status\n      source\n      externalId\n      attribution\n      amount {\n        formatted\n      }\n      refunded {\n        amountMinor\n        formatted\n      }\n      product {\n        id\n        title\n      }\n      credits {\n        model\n        credit\n        touchType\n        touchEventId\n        touchedAt\n        impressionEventId\n        impressedAt\n        note {\n          id\n          title\n        }\n        creator {\n          id\n          displayName\n        }\n      }\n      refunds {\n        id\n        kind\n        reason\n        occurredAt\n        amount {\n          formatted\n        }\n      }\n    }\n  }\n": typeof types.ConsoleOrderDocument,
    "\n  query ConsoleProducts($brandId: ID!, $first: Int!) {\n    brand(id: $brandId) {\n      id\n      products(first: $first) {\n        edges {\n          node {\n            id\n            title\n            category\n            stock\n            inStock\n            createdAt\n            price {\n              amountMinor\n              currency\n              formatted\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ConsoleProductsDocument,
    "\n  query ConsoleProduct($id: ID!) {\n    product(id: $id) {\n      id\n      brand {\n        id\n      }\n      ...ConsoleProductFields\n    }\n  }\n": typeof types.ConsoleProductDocument,
    "\n  fragment ConsoleProductFields on Product {\n    id\n    title\n    description\n    images\n    category\n    stock\n    buyUrl\n    price {\n      amountMinor\n      currency\n      formatted\n    }\n  }\n": typeof types.ConsoleProductFieldsFragmentDoc,
    "\n  mutation CreateConsoleProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product {\n        ...ConsoleProductFields\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.CreateConsoleProductDocument,
    "\n  mutation UpdateConsoleProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      product {\n        ...ConsoleProductFields\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.UpdateConsoleProductDocument,
    "\n  mutation RotateWebhookSecret {\n    rotateWebhookSecret {\n      brandId\n      secret\n      previousSecretValidUntil\n      error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  query ConsoleSampleProduct {\n    viewer {\n      id\n      brand {\n        id\n        products(first: 1) {\n          edges {\n            node {\n              id\n              price {\n                amountMinor\n                currency\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleSampleProductDocument,
    "\n  mutation RecordEvents($events: [EventInput!]!) {\n    recordEvents(events: $events) {\n      accepted\n      duplicates\n      rejected {\n        index\n        code\n      }\n    }\n  }\n": typeof types.RecordEventsDocument,
    "\n  query RelatedNotes($noteId: ID!, $first: Int!, $after: String) {\n    relatedNotes(noteId: $noteId, first: $first, after: $after) {\n      ...NoteCardPage\n    }\n  }\n": typeof types.RelatedNotesDocument,
    "\n  query ViewerBoards {\n    viewer {\n      id\n      boards {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ViewerBoardsDocument,
    "\n  mutation CollectIntoBoard($noteId: ID!, $boardId: ID) {\n    collect(noteId: $noteId, boardId: $boardId) {\n      id\n      collectCount\n      viewerHasCollected\n    }\n  }\n": typeof types.CollectIntoBoardDocument,
    "\n  mutation CreateBoard($name: String!) {\n    createBoard(name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.CreateBoardDocument,
    "\n  query ViewerOrders($first: Int!, $after: String) {\n    viewerOrders(first: $first, after: $after) {\n      edges {\n        node {\n          ...OrderFields\n          amount {\n            amountMinor\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ViewerOrdersDocument,
    "\n  fragment ProductSummaryFields on Product {\n    id\n    title\n    images\n    stock\n    inStock\n    price {\n      amountMinor\n      currency\n      formatted\n    }\n    brand {\n      id\n      name\n    }\n  }\n": typeof types.ProductSummaryFieldsFragmentDoc,
    "\n  query Product($id: ID!, $first: Int!, $after: String) {\n    product(id: $id) {\n      ...ProductSummaryFields\n      description\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n": typeof types.ProductDocument,
    "\n  mutation ClickProduct($input: ProductClickInput!) {\n    clickProduct(input: $input) {\n      clickId\n      error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.ClickProductDocument,
    "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      order {\n        ...OrderFields\n        product {\n          id\n          stock\n          inStock\n        }\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.CheckoutDocument,
    "\n  mutation PayOrder($input: PayOrderInput!) {\n    payOrder(input: $input) {\n      order {\n        ...OrderFields\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.PayOrderDocument,
    "\n  query PaymentOptions {\n    paymentOptions {\n      method\n      label\n    }\n  }\n": typeof types.PaymentOptionsDocument,
    "\n  fragment OrderFields on Order {\n    id\n    quantity\n    status\n    expiresAt\n    occurredAt\n    amount {\n      formatted\n    }\n    refunded {\n      amountMinor\n      formatted\n    }\n    product {\n      id\n      title\n      images\n    }\n  }\n": typeof types.OrderFieldsFragmentDoc,
    "\n  query ProductSummary($id: ID!) {\n    product(id: $id) {\n      ...ProductSummaryFields\n    }\n  }\n": typeof types.ProductSummaryDocument,
    "\n  query Profile($id: ID!) {\n    user(id: $id) {\n      id\n      handle\n      displayName\n      bio\n      avatarUrl\n      followerCount\n      followingCount\n      noteCount\n      likesAndCollectsReceived\n      viewerIsFollowing\n    }\n  }\n": typeof types.ProfileDocument,
    "\n  query UserNotes($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n": typeof types.UserNotesDocument,
    "\n  query UserLikedNotes($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      likedNotes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n": typeof types.UserLikedNotesDocument,
    "\n  query UserBoards($id: ID!) {\n    user(id: $id) {\n      id\n      boards {\n        id\n        name\n        noteCount\n      }\n    }\n  }\n": typeof types.UserBoardsDocument,
    "\n  query BoardNotes($id: ID!, $first: Int!, $after: String) {\n    board(id: $id) {\n      id\n      name\n      owner {\n        id\n        displayName\n      }\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n": typeof types.BoardNotesDocument,
    "\n  fragment PersonFields on User {\n    id\n    handle\n    displayName\n    avatarUrl\n    bio\n    viewerIsFollowing\n    followerCount\n  }\n": typeof types.PersonFieldsFragmentDoc,
    "\n  fragment PersonPage on UserConnection {\n    edges {\n      node {\n        ...PersonFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.PersonPageFragmentDoc,
    "\n  query Followers($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      displayName\n      followers(first: $first, after: $after) {\n        ...PersonPage\n      }\n    }\n  }\n": typeof types.FollowersDocument,
    "\n  query Following($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      displayName\n      following(first: $first, after: $after) {\n        ...PersonPage\n      }\n    }\n  }\n": typeof types.FollowingDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        displayName\n        bio\n        avatarUrl\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation UpdateInterests($interests: [String!]!) {\n    updateInterests(interests: $interests) {\n      user {\n        id\n        interests\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.UpdateInterestsDocument,
    "\n  query UploadStatus($id: ID!) {\n    upload(id: $id) {\n      id\n      status\n      progress\n      failure {\n        message\n      }\n    }\n  }\n": typeof types.UploadStatusDocument,
    "\n  fragment NoteCardFields on Note {\n    id\n    kind\n    title\n    likeCount\n    viewerHasLiked\n    reason\n    author {\n      id\n      displayName\n      avatarUrl\n    }\n    media {\n      url\n      width\n      height\n      upload {\n        id\n        dominantColor\n        thumbhash\n        posterUrl\n        images {\n          name\n          url\n          width\n        }\n      }\n    }\n  }\n": typeof types.NoteCardFieldsFragmentDoc,
    "\n  fragment NoteCardPage on NoteConnection {\n    edges {\n      node {\n        ...NoteCardFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.NoteCardPageFragmentDoc,
    "\n  query Feed($kind: FeedKind!, $first: Int!, $after: String) {\n    feed(kind: $kind, first: $first, after: $after) {\n      ...NoteCardPage\n    }\n  }\n": typeof types.FeedDocument,
    "\n  query TopicFeed($name: String!, $first: Int!, $after: String) {\n    topic(name: $name) {\n      name\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n": typeof types.TopicFeedDocument,
    "\n  query Note($id: ID!) {\n    note(id: $id) {\n      id\n      kind\n      title\n      body\n      topics\n      likeCount\n      collectCount\n      commentCount\n      viewerHasLiked\n      viewerHasCollected\n      publishedAt\n      sponsored\n      sponsor {\n        id\n        name\n      }\n      author {\n        id\n        displayName\n        avatarUrl\n        viewerIsFollowing\n        followerCount\n      }\n      media {\n        kind\n        url\n        width\n        height\n        durationMs\n        upload {\n          id\n          dominantColor\n          thumbhash\n          posterUrl\n          playlistUrl\n          images {\n            name\n            url\n            width\n          }\n        }\n      }\n      productTags {\n        position\n        imageIndex\n        x\n        y\n        atMs\n        product {\n          id\n          title\n          images\n          price {\n            formatted\n          }\n        }\n      }\n    }\n  }\n": typeof types.NoteDocument,
    "\n  query Comments($noteId: ID!) {\n    note(id: $noteId) {\n      id\n      commentCount\n      comments(first: 20) {\n        edges {\n          node {\n            ...CommentFields\n            replies(first: 10) {\n              edges {\n                node {\n                  ...CommentFields\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CommentsDocument,
    "\n  fragment CommentFields on Comment {\n    id\n    body\n    createdAt\n    author {\n      id\n      displayName\n      avatarUrl\n    }\n    replyTo {\n      id\n      displayName\n    }\n  }\n": typeof types.CommentFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      id\n      handle\n      displayName\n      avatarUrl\n      interests\n      role\n      brand {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": typeof types.LogOutDocument,
    "\n  fragment LikeState on Note {\n    id\n    likeCount\n    viewerHasLiked\n  }\n": typeof types.LikeStateFragmentDoc,
    "\n  fragment CollectState on Note {\n    id\n    collectCount\n    viewerHasCollected\n  }\n": typeof types.CollectStateFragmentDoc,
    "\n  fragment FollowState on User {\n    id\n    viewerIsFollowing\n    followerCount\n  }\n": typeof types.FollowStateFragmentDoc,
    "\n  mutation Like($noteId: ID!) {\n    like(noteId: $noteId) {\n      ...LikeState\n    }\n  }\n": typeof types.LikeDocument,
    "\n  mutation Unlike($noteId: ID!) {\n    unlike(noteId: $noteId) {\n      ...LikeState\n    }\n  }\n": typeof types.UnlikeDocument,
    "\n  mutation Collect($noteId: ID!) {\n    collect(noteId: $noteId) {\n      ...CollectState\n    }\n  }\n": typeof types.CollectDocument,
    "\n  mutation Uncollect($noteId: ID!) {\n    uncollect(noteId: $noteId) {\n      ...CollectState\n    }\n  }\n": typeof types.UncollectDocument,
    "\n  mutation Follow($userId: ID!) {\n    follow(userId: $userId) {\n      ...FollowState\n    }\n  }\n": typeof types.FollowDocument,
    "\n  mutation Unfollow($userId: ID!) {\n    unfollow(userId: $userId) {\n      ...FollowState\n    }\n  }\n": typeof types.UnfollowDocument,
    "\n  mutation Share($noteId: ID!, $channel: String) {\n    share(noteId: $noteId, channel: $channel) {\n      id\n    }\n  }\n": typeof types.ShareDocument,
    "\n  mutation Comment($input: CommentInput!) {\n    comment(input: $input) {\n      comment {\n        id\n      }\n      error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.CommentDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.LogInDocument,
    "\n  fragment SearchProductFields on Product {\n    id\n    title\n    images\n    price {\n      formatted\n    }\n    brand {\n      id\n      name\n    }\n  }\n": typeof types.SearchProductFieldsFragmentDoc,
    "\n  query Search($query: String!, $first: Int!, $after: String) {\n    search(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          __typename\n          ... on Note {\n            ...NoteCardFields\n          }\n          ... on Product {\n            ...SearchProductFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query SearchSuggestions($query: String!) {\n    search(query: $query, first: 6) {\n      edges {\n        node {\n          __typename\n          ... on Note {\n            id\n            title\n          }\n          ... on Product {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.SearchSuggestionsDocument,
    "\n  query StudioFunnel($scope: AnalyticsScope!, $range: DateRange!) {\n    analyticsFunnel(scope: $scope, range: $range) {\n      impressions\n      reads\n      readRate\n      likes\n      collects\n      comments\n      shares\n      productClicks\n      sales {\n        orders\n        gmv {\n          formatted\n        }\n      }\n    }\n  }\n": typeof types.StudioFunnelDocument,
    "\n  query StudioFollowerGain($creatorId: ID!, $range: DateRange!) {\n    followerGain(creatorId: $creatorId, range: $range)\n  }\n": typeof types.StudioFollowerGainDocument,
    "\n  query StudioSeries($scope: AnalyticsScope!, $range: DateRange!) {\n    analyticsSeries(scope: $scope, range: $range, interval: DAY) {\n      at\n      funnel {\n        impressions\n        reads\n        engagements\n        productClicks\n      }\n    }\n  }\n": typeof types.StudioSeriesDocument,
    "\n  query StudioAudienceTopics($scope: AnalyticsScope!, $range: DateRange!) {\n    audienceTopics(scope: $scope, range: $range) {\n      topic\n      reads\n      share\n    }\n  }\n": typeof types.StudioAudienceTopicsDocument,
    "\n  query StudioDataNoteTitle($id: ID!) {\n    note(id: $id) {\n      id\n      title\n    }\n  }\n": typeof types.StudioDataNoteTitleDocument,
    "\n  query TopicSuggestions($prefix: String!) {\n    topics(prefix: $prefix, first: 8) {\n      name\n      noteCount\n    }\n  }\n": typeof types.TopicSuggestionsDocument,
    "\n  query StudioNotes($first: Int!, $after: String) {\n    viewer {\n      id\n      notes(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            kind\n            title\n            status\n            failureReason\n            sponsored\n            createdAt\n            publishedAt\n            media {\n              url\n              upload {\n                id\n                posterUrl\n                images {\n                  name\n                  url\n                  width\n                }\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.StudioNotesDocument,
    "\n  query StudioNote($id: ID!) {\n    note(id: $id) {\n      id\n      kind\n      title\n      body\n      status\n      sponsored\n      sponsor {\n        id\n        name\n      }\n      media {\n        kind\n        url\n        width\n        height\n        durationMs\n        upload {\n          id\n          posterUrl\n        }\n      }\n      productTags {\n        position\n        imageIndex\n        x\n        y\n        atMs\n        product {\n          id\n          title\n          brand {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.StudioNoteDocument,
    "\n  subscription UploadProgress($id: ID!) {\n    uploadProgress(id: $id) {\n      id\n      kind\n      status\n      progress\n      failure {\n        reason\n        message\n      }\n      width\n      height\n      durationMs\n      images {\n        name\n        url\n      }\n    }\n  }\n": typeof types.UploadProgressDocument,
    "\n  query StudioProductSearch($query: String!) {\n    search(query: $query, first: 10) {\n      edges {\n        node {\n          __typename\n          ... on Product {\n            id\n            title\n            price {\n              formatted\n            }\n            brand {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.StudioProductSearchDocument,
    "\n  mutation StudioCreateNote($input: CreateNoteInput!) {\n    createNote(input: $input) {\n      note {\n        id\n        status\n      }\n      error {\n        field\n        message\n      }\n    }\n  }\n": typeof types.StudioCreateNoteDocument,
    "\n  mutation StudioUpdateNote($id: ID!, $input: UpdateNoteInput!) {\n    updateNote(id: $id, input: $input) {\n      note {\n        id\n        status\n      }\n      error {\n        field\n        message\n      }\n    }\n  }\n": typeof types.StudioUpdateNoteDocument,
    "\n  mutation StudioPublishNote($id: ID!) {\n    publishNote(id: $id) {\n      note {\n        id\n        status\n      }\n      error {\n        field\n        message\n      }\n    }\n  }\n": typeof types.StudioPublishNoteDocument,
    "\n  mutation StudioDeleteNote($id: ID!) {\n    deleteNote(id: $id) {\n      deletedId\n      error {\n        field\n        message\n      }\n    }\n  }\n": typeof types.StudioDeleteNoteDocument,
    "\n  mutation HideNote($noteId: ID!) {\n    hideNote(noteId: $noteId, reason: \"not_interested\")\n  }\n": typeof types.HideNoteDocument,
    "\n  mutation HideCreator($userId: ID!) {\n    hideCreator(userId: $userId)\n  }\n": typeof types.HideCreatorDocument,
};
const documents: Documents = {
    "\n  query ConsoleBrands($nameContains: String!) {\n    brands(nameContains: $nameContains, first: 20) {\n      id\n      name\n    }\n  }\n": types.ConsoleBrandsDocument,
    "\n  query ConsoleDashboard($scope: AnalyticsScope!, $range: DateRange!, $interval: AnalyticsInterval!) {\n    analyticsFunnel(scope: $scope, range: $range) {\n      impressions\n      reads\n      engagements\n      productClicks\n      ctr\n      cvr\n      repeatPurchaseRate\n      averageOrderValue {\n        formatted\n      }\n      sales {\n        ...ConsoleSales\n      }\n      viewThrough {\n        ...ConsoleSales\n      }\n      organic {\n        ...ConsoleSales\n      }\n    }\n    analyticsSeries(scope: $scope, range: $range, interval: $interval) {\n      at\n      funnel {\n        sales {\n          orders\n          gmv {\n            amountMinor\n            currency\n            formatted\n          }\n        }\n      }\n    }\n    topNotes(scope: $scope, range: $range, first: 10) {\n      note {\n        id\n        title\n        author {\n          id\n          displayName\n        }\n      }\n      funnel {\n        ...ConsoleTopFunnel\n      }\n    }\n    topCreators(scope: $scope, range: $range, first: 10) {\n      creator {\n        id\n        displayName\n      }\n      funnel {\n        ...ConsoleTopFunnel\n      }\n    }\n    audienceTopics(scope: $scope, range: $range) {\n      topic\n      reads\n      share\n    }\n  }\n": types.ConsoleDashboardDocument,
    "\n  fragment ConsoleSales on Sales {\n    orders\n    refunds\n    gmv {\n      amountMinor\n      currency\n      formatted\n    }\n    refundAmount {\n      formatted\n    }\n    netGmv {\n      formatted\n    }\n  }\n": types.ConsoleSalesFragmentDoc,
    "\n  fragment ConsoleTopFunnel on Funnel {\n    impressions\n    reads\n    productClicks\n    ctr\n    sales {\n      orders\n      gmv {\n        formatted\n      }\n    }\n  }\n": types.ConsoleTopFunnelFragmentDoc,
    "\n  query ConsoleDealNotes {\n    viewer {\n      id\n      brand {\n        id\n        products(first: 20) {\n          edges {\n            node {\n              id\n              title\n              notes(first: 10) {\n                edges {\n                  node {\n                    ...ConsoleDealNote\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n    sponsorshipRequests(first: 20) {\n      ...ConsoleDealNote\n    }\n  }\n": types.ConsoleDealNotesDocument,
    "\n  fragment ConsoleDealNote on Note {\n    id\n    title\n    sponsorStatus\n    sponsor {\n      id\n    }\n    author {\n      id\n      displayName\n    }\n  }\n": types.ConsoleDealNoteFragmentDoc,
    "\n  mutation RespondToSponsorship($noteId: ID!, $accept: Boolean!) {\n    respondToSponsorship(noteId: $noteId, accept: $accept) {\n      ...ConsoleDealNote\n    }\n  }\n": types.RespondToSponsorshipDocument,
    "\n  mutation SetSponsorDeal($input: SponsorDealInput!) {\n    setSponsorDeal(input: $input) {\n      deal {\n        cost {\n          formatted\n        }\n        note {\n          id\n        }\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.SetSponsorDealDocument,
    "\n  query ConsoleSponsorDeals($brandId: ID!, $range: DateRange!) {\n    sponsorDeals(brandId: $brandId, range: $range) {\n      note {\n        id\n        title\n        author {\n          id\n          displayName\n        }\n      }\n      cost {\n        formatted\n      }\n      impressions\n      engagements\n      gmv {\n        formatted\n      }\n      cpm {\n        formatted\n      }\n      cpe {\n        formatted\n      }\n      roi\n    }\n  }\n": types.ConsoleSponsorDealsDocument,
    "\n  query ConsoleFeedExperiment {\n    feedExperiment {\n      name\n      since\n      arms {\n        arm\n        users\n        served\n        impressions\n        ctr\n        likeRate\n        purchaseRate\n      }\n    }\n  }\n": types.ConsoleFeedExperimentDocument,
    "\n  query ConsoleOrders($brandId: ID!, $first: Int!, $after: String) {\n    brandOrders(brandId: $brandId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          occurredAt\n          quantity\n          source\n          attribution\n          amount {\n            formatted\n          }\n          refunded {\n            amountMinor\n            formatted\n          }\n          product {\n            id\n            title\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ConsoleOrdersDocument,
    "\n  query ConsoleOrder($id: ID!) {\n    order(id: $id) {\n      id\n      occurredAt\n      paidAt\n      quantity\n      status\n      source\n      externalId\n      attribution\n      amount {\n        formatted\n      }\n      refunded {\n        amountMinor\n        formatted\n      }\n      product {\n        id\n        title\n      }\n      credits {\n        model\n        credit\n        touchType\n        touchEventId\n        touchedAt\n        impressionEventId\n        impressedAt\n        note {\n          id\n          title\n        }\n        creator {\n          id\n          displayName\n        }\n      }\n      refunds {\n        id\n        kind\n        reason\n        occurredAt\n        amount {\n          formatted\n        }\n      }\n    }\n  }\n": types.ConsoleOrderDocument,
    "\n  query ConsoleProducts($brandId: ID!, $first: Int!) {\n    brand(id: $brandId) {\n      id\n      products(first: $first) {\n        edges {\n          node {\n            id\n            title\n            category\n            stock\n            inStock\n            createdAt\n            price {\n              amountMinor\n              currency\n              formatted\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ConsoleProductsDocument,
    "\n  query ConsoleProduct($id: ID!) {\n    product(id: $id) {\n      id\n      brand {\n        id\n      }\n      ...ConsoleProductFields\n    }\n  }\n": types.ConsoleProductDocument,
    "\n  fragment ConsoleProductFields on Product {\n    id\n    title\n    description\n    images\n    category\n    stock\n    buyUrl\n    price {\n      amountMinor\n      currency\n      formatted\n    }\n  }\n": types.ConsoleProductFieldsFragmentDoc,
    "\n  mutation CreateConsoleProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product {\n        ...ConsoleProductFields\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.CreateConsoleProductDocument,
    "\n  mutation UpdateConsoleProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      product {\n        ...ConsoleProductFields\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.UpdateConsoleProductDocument,
    "\n  mutation RotateWebhookSecret {\n    rotateWebhookSecret {\n      brandId\n      secret\n      previousSecretValidUntil\n      error {\n        code\n        message\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  query ConsoleSampleProduct {\n    viewer {\n      id\n      brand {\n        id\n        products(first: 1) {\n          edges {\n            node {\n              id\n              price {\n                amountMinor\n                currency\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleSampleProductDocument,
    "\n  mutation RecordEvents($events: [EventInput!]!) {\n    recordEvents(events: $events) {\n      accepted\n      duplicates\n      rejected {\n        index\n        code\n      }\n    }\n  }\n": types.RecordEventsDocument,
    "\n  query RelatedNotes($noteId: ID!, $first: Int!, $after: String) {\n    relatedNotes(noteId: $noteId, first: $first, after: $after) {\n      ...NoteCardPage\n    }\n  }\n": types.RelatedNotesDocument,
    "\n  query ViewerBoards {\n    viewer {\n      id\n      boards {\n        id\n        name\n      }\n    }\n  }\n": types.ViewerBoardsDocument,
    "\n  mutation CollectIntoBoard($noteId: ID!, $boardId: ID) {\n    collect(noteId: $noteId, boardId: $boardId) {\n      id\n      collectCount\n      viewerHasCollected\n    }\n  }\n": types.CollectIntoBoardDocument,
    "\n  mutation CreateBoard($name: String!) {\n    createBoard(name: $name) {\n      id\n      name\n    }\n  }\n": types.CreateBoardDocument,
    "\n  query ViewerOrders($first: Int!, $after: String) {\n    viewerOrders(first: $first, after: $after) {\n      edges {\n        node {\n          ...OrderFields\n          amount {\n            amountMinor\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ViewerOrdersDocument,
    "\n  fragment ProductSummaryFields on Product {\n    id\n    title\n    images\n    stock\n    inStock\n    price {\n      amountMinor\n      currency\n      formatted\n    }\n    brand {\n      id\n      name\n    }\n  }\n": types.ProductSummaryFieldsFragmentDoc,
    "\n  query Product($id: ID!, $first: Int!, $after: String) {\n    product(id: $id) {\n      ...ProductSummaryFields\n      description\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n": types.ProductDocument,
    "\n  mutation ClickProduct($input: ProductClickInput!) {\n    clickProduct(input: $input) {\n      clickId\n      error {\n        code\n        message\n      }\n    }\n  }\n": types.ClickProductDocument,
    "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      order {\n        ...OrderFields\n        product {\n          id\n          stock\n          inStock\n        }\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.CheckoutDocument,
    "\n  mutation PayOrder($input: PayOrderInput!) {\n    payOrder(input: $input) {\n      order {\n        ...OrderFields\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.PayOrderDocument,
    "\n  query PaymentOptions {\n    paymentOptions {\n      method\n      label\n    }\n  }\n": types.PaymentOptionsDocument,
    "\n  fragment OrderFields on Order {\n    id\n    quantity\n    status\n    expiresAt\n    occurredAt\n    amount {\n      formatted\n    }\n    refunded {\n      amountMinor\n      formatted\n    }\n    product {\n      id\n      title\n      images\n    }\n  }\n": types.OrderFieldsFragmentDoc,
    "\n  query ProductSummary($id: ID!) {\n    product(id: $id) {\n      ...ProductSummaryFields\n    }\n  }\n": types.ProductSummaryDocument,
    "\n  query Profile($id: ID!) {\n    user(id: $id) {\n      id\n      handle\n      displayName\n      bio\n      avatarUrl\n      followerCount\n      followingCount\n      noteCount\n      likesAndCollectsReceived\n      viewerIsFollowing\n    }\n  }\n": types.ProfileDocument,
    "\n  query UserNotes($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n": types.UserNotesDocument,
    "\n  query UserLikedNotes($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      likedNotes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n": types.UserLikedNotesDocument,
    "\n  query UserBoards($id: ID!) {\n    user(id: $id) {\n      id\n      boards {\n        id\n        name\n        noteCount\n      }\n    }\n  }\n": types.UserBoardsDocument,
    "\n  query BoardNotes($id: ID!, $first: Int!, $after: String) {\n    board(id: $id) {\n      id\n      name\n      owner {\n        id\n        displayName\n      }\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n": types.BoardNotesDocument,
    "\n  fragment PersonFields on User {\n    id\n    handle\n    displayName\n    avatarUrl\n    bio\n    viewerIsFollowing\n    followerCount\n  }\n": types.PersonFieldsFragmentDoc,
    "\n  fragment PersonPage on UserConnection {\n    edges {\n      node {\n        ...PersonFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": types.PersonPageFragmentDoc,
    "\n  query Followers($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      displayName\n      followers(first: $first, after: $after) {\n        ...PersonPage\n      }\n    }\n  }\n": types.FollowersDocument,
    "\n  query Following($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      displayName\n      following(first: $first, after: $after) {\n        ...PersonPage\n      }\n    }\n  }\n": types.FollowingDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        displayName\n        bio\n        avatarUrl\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation UpdateInterests($interests: [String!]!) {\n    updateInterests(interests: $interests) {\n      user {\n        id\n        interests\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.UpdateInterestsDocument,
    "\n  query UploadStatus($id: ID!) {\n    upload(id: $id) {\n      id\n      status\n      progress\n      failure {\n        message\n      }\n    }\n  }\n": types.UploadStatusDocument,
    "\n  fragment NoteCardFields on Note {\n    id\n    kind\n    title\n    likeCount\n    viewerHasLiked\n    reason\n    author {\n      id\n      displayName\n      avatarUrl\n    }\n    media {\n      url\n      width\n      height\n      upload {\n        id\n        dominantColor\n        thumbhash\n        posterUrl\n        images {\n          name\n          url\n          width\n        }\n      }\n    }\n  }\n": types.NoteCardFieldsFragmentDoc,
    "\n  fragment NoteCardPage on NoteConnection {\n    edges {\n      node {\n        ...NoteCardFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": types.NoteCardPageFragmentDoc,
    "\n  query Feed($kind: FeedKind!, $first: Int!, $after: String) {\n    feed(kind: $kind, first: $first, after: $after) {\n      ...NoteCardPage\n    }\n  }\n": types.FeedDocument,
    "\n  query TopicFeed($name: String!, $first: Int!, $after: String) {\n    topic(name: $name) {\n      name\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n": types.TopicFeedDocument,
    "\n  query Note($id: ID!) {\n    note(id: $id) {\n      id\n      kind\n      title\n      body\n      topics\n      likeCount\n      collectCount\n      commentCount\n      viewerHasLiked\n      viewerHasCollected\n      publishedAt\n      sponsored\n      sponsor {\n        id\n        name\n      }\n      author {\n        id\n        displayName\n        avatarUrl\n        viewerIsFollowing\n        followerCount\n      }\n      media {\n        kind\n        url\n        width\n        height\n        durationMs\n        upload {\n          id\n          dominantColor\n          thumbhash\n          posterUrl\n          playlistUrl\n          images {\n            name\n            url\n            width\n          }\n        }\n      }\n      productTags {\n        position\n        imageIndex\n        x\n        y\n        atMs\n        product {\n          id\n          title\n          images\n          price {\n            formatted\n          }\n        }\n      }\n    }\n  }\n": types.NoteDocument,
    "\n  query Comments($noteId: ID!) {\n    note(id: $noteId) {\n      id\n      commentCount\n      comments(first: 20) {\n        edges {\n          node {\n            ...CommentFields\n            replies(first: 10) {\n              edges {\n                node {\n                  ...CommentFields\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CommentsDocument,
    "\n  fragment CommentFields on Comment {\n    id\n    body\n    createdAt\n    author {\n      id\n      displayName\n      avatarUrl\n    }\n    replyTo {\n      id\n      displayName\n    }\n  }\n": types.CommentFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      id\n      handle\n      displayName\n      avatarUrl\n      interests\n      role\n      brand {\n        id\n        name\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": types.LogOutDocument,
    "\n  fragment LikeState on Note {\n    id\n    likeCount\n    viewerHasLiked\n  }\n": types.LikeStateFragmentDoc,
    "\n  fragment CollectState on Note {\n    id\n    collectCount\n    viewerHasCollected\n  }\n": types.CollectStateFragmentDoc,
    "\n  fragment FollowState on User {\n    id\n    viewerIsFollowing\n    followerCount\n  }\n": types.FollowStateFragmentDoc,
    "\n  mutation Like($noteId: ID!) {\n    like(noteId: $noteId) {\n      ...LikeState\n    }\n  }\n": types.LikeDocument,
    "\n  mutation Unlike($noteId: ID!) {\n    unlike(noteId: $noteId) {\n      ...LikeState\n    }\n  }\n": types.UnlikeDocument,
    "\n  mutation Collect($noteId: ID!) {\n    collect(noteId: $noteId) {\n      ...CollectState\n    }\n  }\n": types.CollectDocument,
    "\n  mutation Uncollect($noteId: ID!) {\n    uncollect(noteId: $noteId) {\n      ...CollectState\n    }\n  }\n": types.UncollectDocument,
    "\n  mutation Follow($userId: ID!) {\n    follow(userId: $userId) {\n      ...FollowState\n    }\n  }\n": types.FollowDocument,
    "\n  mutation Unfollow($userId: ID!) {\n    unfollow(userId: $userId) {\n      ...FollowState\n    }\n  }\n": types.UnfollowDocument,
    "\n  mutation Share($noteId: ID!, $channel: String) {\n    share(noteId: $noteId, channel: $channel) {\n      id\n    }\n  }\n": types.ShareDocument,
    "\n  mutation Comment($input: CommentInput!) {\n    comment(input: $input) {\n      comment {\n        id\n      }\n      error {\n        code\n        message\n      }\n    }\n  }\n": types.CommentDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.LogInDocument,
    "\n  fragment SearchProductFields on Product {\n    id\n    title\n    images\n    price {\n      formatted\n    }\n    brand {\n      id\n      name\n    }\n  }\n": types.SearchProductFieldsFragmentDoc,
    "\n  query Search($query: String!, $first: Int!, $after: String) {\n    search(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          __typename\n          ... on Note {\n            ...NoteCardFields\n          }\n          ... on Product {\n            ...SearchProductFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  query SearchSuggestions($query: String!) {\n    search(query: $query, first: 6) {\n      edges {\n        node {\n          __typename\n          ... on Note {\n            id\n            title\n          }\n          ... on Product {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": types.SearchSuggestionsDocument,
    "\n  query StudioFunnel($scope: AnalyticsScope!, $range: DateRange!) {\n    analyticsFunnel(scope: $scope, range: $range) {\n      impressions\n      reads\n      readRate\n      likes\n      collects\n      comments\n      shares\n      productClicks\n      sales {\n        orders\n        gmv {\n          formatted\n        }\n      }\n    }\n  }\n": types.StudioFunnelDocument,
    "\n  query StudioFollowerGain($creatorId: ID!, $range: DateRange!) {\n    followerGain(creatorId: $creatorId, range: $range)\n  }\n": types.StudioFollowerGainDocument,
    "\n  query StudioSeries($scope: AnalyticsScope!, $range: DateRange!) {\n    analyticsSeries(scope: $scope, range: $range, interval: DAY) {\n      at\n      funnel {\n        impressions\n        reads\n        engagements\n        productClicks\n      }\n    }\n  }\n": types.StudioSeriesDocument,
    "\n  query StudioAudienceTopics($scope: AnalyticsScope!, $range: DateRange!) {\n    audienceTopics(scope: $scope, range: $range) {\n      topic\n      reads\n      share\n    }\n  }\n": types.StudioAudienceTopicsDocument,
    "\n  query StudioDataNoteTitle($id: ID!) {\n    note(id: $id) {\n      id\n      title\n    }\n  }\n": types.StudioDataNoteTitleDocument,
    "\n  query TopicSuggestions($prefix: String!) {\n    topics(prefix: $prefix, first: 8) {\n      name\n      noteCount\n    }\n  }\n": types.TopicSuggestionsDocument,
    "\n  query StudioNotes($first: Int!, $after: String) {\n    viewer {\n      id\n      notes(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            kind\n            title\n            status\n            failureReason\n            sponsored\n            createdAt\n            publishedAt\n            media {\n              url\n              upload {\n                id\n                posterUrl\n                images {\n                  name\n                  url\n                  width\n                }\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.StudioNotesDocument,
    "\n  query StudioNote($id: ID!) {\n    note(id: $id) {\n      id\n      kind\n      title\n      body\n      status\n      sponsored\n      sponsor {\n        id\n        name\n      }\n      media {\n        kind\n        url\n        width\n        height\n        durationMs\n        upload {\n          id\n          posterUrl\n        }\n      }\n      productTags {\n        position\n        imageIndex\n        x\n        y\n        atMs\n        product {\n          id\n          title\n          brand {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.StudioNoteDocument,
    "\n  subscription UploadProgress($id: ID!) {\n    uploadProgress(id: $id) {\n      id\n      kind\n      status\n      progress\n      failure {\n        reason\n        message\n      }\n      width\n      height\n      durationMs\n      images {\n        name\n        url\n      }\n    }\n  }\n": types.UploadProgressDocument,
    "\n  query StudioProductSearch($query: String!) {\n    search(query: $query, first: 10) {\n      edges {\n        node {\n          __typename\n          ... on Product {\n            id\n            title\n            price {\n              formatted\n            }\n            brand {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.StudioProductSearchDocument,
    "\n  mutation StudioCreateNote($input: CreateNoteInput!) {\n    createNote(input: $input) {\n      note {\n        id\n        status\n      }\n      error {\n        field\n        message\n      }\n    }\n  }\n": types.StudioCreateNoteDocument,
    "\n  mutation StudioUpdateNote($id: ID!, $input: UpdateNoteInput!) {\n    updateNote(id: $id, input: $input) {\n      note {\n        id\n        status\n      }\n      error {\n        field\n        message\n      }\n    }\n  }\n": types.StudioUpdateNoteDocument,
    "\n  mutation StudioPublishNote($id: ID!) {\n    publishNote(id: $id) {\n      note {\n        id\n        status\n      }\n      error {\n        field\n        message\n      }\n    }\n  }\n": types.StudioPublishNoteDocument,
    "\n  mutation StudioDeleteNote($id: ID!) {\n    deleteNote(id: $id) {\n      deletedId\n      error {\n        field\n        message\n      }\n    }\n  }\n": types.StudioDeleteNoteDocument,
    "\n  mutation HideNote($noteId: ID!) {\n    hideNote(noteId: $noteId, reason: \"not_interested\")\n  }\n": types.HideNoteDocument,
    "\n  mutation HideCreator($userId: ID!) {\n    hideCreator(userId: $userId)\n  }\n": types.HideCreatorDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleBrands($nameContains: String!) {\n    brands(nameContains: $nameContains, first: 20) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ConsoleBrands($nameContains: String!) {\n    brands(nameContains: $nameContains, first: 20) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDashboard($scope: AnalyticsScope!, $range: DateRange!, $interval: AnalyticsInterval!) {\n    analyticsFunnel(scope: $scope, range: $range) {\n      impressions\n      reads\n      engagements\n      productClicks\n      ctr\n      cvr\n      repeatPurchaseRate\n      averageOrderValue {\n        formatted\n      }\n      sales {\n        ...ConsoleSales\n      }\n      viewThrough {\n        ...ConsoleSales\n      }\n      organic {\n        ...ConsoleSales\n      }\n    }\n    analyticsSeries(scope: $scope, range: $range, interval: $interval) {\n      at\n      funnel {\n        sales {\n          orders\n          gmv {\n            amountMinor\n            currency\n            formatted\n          }\n        }\n      }\n    }\n    topNotes(scope: $scope, range: $range, first: 10) {\n      note {\n        id\n        title\n        author {\n          id\n          displayName\n        }\n      }\n      funnel {\n        ...ConsoleTopFunnel\n      }\n    }\n    topCreators(scope: $scope, range: $range, first: 10) {\n      creator {\n        id\n        displayName\n      }\n      funnel {\n        ...ConsoleTopFunnel\n      }\n    }\n    audienceTopics(scope: $scope, range: $range) {\n      topic\n      reads\n      share\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDashboard($scope: AnalyticsScope!, $range: DateRange!, $interval: AnalyticsInterval!) {\n    analyticsFunnel(scope: $scope, range: $range) {\n      impressions\n      reads\n      engagements\n      productClicks\n      ctr\n      cvr\n      repeatPurchaseRate\n      averageOrderValue {\n        formatted\n      }\n      sales {\n        ...ConsoleSales\n      }\n      viewThrough {\n        ...ConsoleSales\n      }\n      organic {\n        ...ConsoleSales\n      }\n    }\n    analyticsSeries(scope: $scope, range: $range, interval: $interval) {\n      at\n      funnel {\n        sales {\n          orders\n          gmv {\n            amountMinor\n            currency\n            formatted\n          }\n        }\n      }\n    }\n    topNotes(scope: $scope, range: $range, first: 10) {\n      note {\n        id\n        title\n        author {\n          id\n          displayName\n        }\n      }\n      funnel {\n        ...ConsoleTopFunnel\n      }\n    }\n    topCreators(scope: $scope, range: $range, first: 10) {\n      creator {\n        id\n        displayName\n      }\n      funnel {\n        ...ConsoleTopFunnel\n      }\n    }\n    audienceTopics(scope: $scope, range: $range) {\n      topic\n      reads\n      share\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleSales on Sales {\n    orders\n    refunds\n    gmv {\n      amountMinor\n      currency\n      formatted\n    }\n    refundAmount {\n      formatted\n    }\n    netGmv {\n      formatted\n    }\n  }\n"): (typeof documents)["\n  fragment ConsoleSales on Sales {\n    orders\n    refunds\n    gmv {\n      amountMinor\n      currency\n      formatted\n    }\n    refundAmount {\n      formatted\n    }\n    netGmv {\n      formatted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleTopFunnel on Funnel {\n    impressions\n    reads\n    productClicks\n    ctr\n    sales {\n      orders\n      gmv {\n        formatted\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ConsoleTopFunnel on Funnel {\n    impressions\n    reads\n    productClicks\n    ctr\n    sales {\n      orders\n      gmv {\n        formatted\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDealNotes {\n    viewer {\n      id\n      brand {\n        id\n        products(first: 20) {\n          edges {\n            node {\n              id\n              title\n              notes(first: 10) {\n                edges {\n                  node {\n                    ...ConsoleDealNote\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n    sponsorshipRequests(first: 20) {\n      ...ConsoleDealNote\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDealNotes {\n    viewer {\n      id\n      brand {\n        id\n        products(first: 20) {\n          edges {\n            node {\n              id\n              title\n              notes(first: 10) {\n                edges {\n                  node {\n                    ...ConsoleDealNote\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n    sponsorshipRequests(first: 20) {\n      ...ConsoleDealNote\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleDealNote on Note {\n    id\n    title\n    sponsorStatus\n    sponsor {\n      id\n    }\n    author {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment ConsoleDealNote on Note {\n    id\n    title\n    sponsorStatus\n    sponsor {\n      id\n    }\n    author {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToSponsorship($noteId: ID!, $accept: Boolean!) {\n    respondToSponsorship(noteId: $noteId, accept: $accept) {\n      ...ConsoleDealNote\n    }\n  }\n"): (typeof documents)["\n  mutation RespondToSponsorship($noteId: ID!, $accept: Boolean!) {\n    respondToSponsorship(noteId: $noteId, accept: $accept) {\n      ...ConsoleDealNote\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSponsorDeal($input: SponsorDealInput!) {\n    setSponsorDeal(input: $input) {\n      deal {\n        cost {\n          formatted\n        }\n        note {\n          id\n        }\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetSponsorDeal($input: SponsorDealInput!) {\n    setSponsorDeal(input: $input) {\n      deal {\n        cost {\n          formatted\n        }\n        note {\n          id\n        }\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSponsorDeals($brandId: ID!, $range: DateRange!) {\n    sponsorDeals(brandId: $brandId, range: $range) {\n      note {\n        id\n        title\n        author {\n          id\n          displayName\n        }\n      }\n      cost {\n        formatted\n      }\n      impressions\n      engagements\n      gmv {\n        formatted\n      }\n      cpm {\n        formatted\n      }\n      cpe {\n        formatted\n      }\n      roi\n    }\n  }\n"): (typeof documents)["\n  query ConsoleSponsorDeals($brandId: ID!, $range: DateRange!) {\n    sponsorDeals(brandId: $brandId, range: $range) {\n      note {\n        id\n        title\n        author {\n          id\n          displayName\n        }\n      }\n      cost {\n        formatted\n      }\n      impressions\n      engagements\n      gmv {\n        formatted\n      }\n      cpm {\n        formatted\n      }\n      cpe {\n        formatted\n      }\n      roi\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleFeedExperiment {\n    feedExperiment {\n      name\n      since\n      arms {\n        arm\n        users\n        served\n        impressions\n        ctr\n        likeRate\n        purchaseRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleFeedExperiment {\n    feedExperiment {\n      name\n      since\n      arms {\n        arm\n        users\n        served\n        impressions\n        ctr\n        likeRate\n        purchaseRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOrders($brandId: ID!, $first: Int!, $after: String) {\n    brandOrders(brandId: $brandId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          occurredAt\n          quantity\n          source\n          attribution\n          amount {\n            formatted\n          }\n          refunded {\n            amountMinor\n            formatted\n          }\n          product {\n            id\n            title\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleOrders($brandId: ID!, $first: Int!, $after: String) {\n    brandOrders(brandId: $brandId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          occurredAt\n          quantity\n          source\n          attribution\n          amount {\n            formatted\n          }\n          refunded {\n            amountMinor\n            formatted\n          }\n          product {\n            id\n            title\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOrder($id: ID!) {\n    order(id: $id) {\n      id\n      occurredAt\n      paidAt\n      quantity\n      status\n      source\n      externalId\n      attribution\n      amount {\n        formatted\n      }\n      refunded {\n        amountMinor\n        formatted\n      }\n      product {\n        id\n        title\n      }\n      credits {\n        model\n        credit\n        touchType\n        touchEventId\n        touchedAt\n        impressionEventId\n        impressedAt\n        note {\n          id\n          title\n        }\n        creator {\n          id\n          displayName\n        }\n      }\n      refunds {\n        id\n        kind\n        reason\n        occurredAt\n        amount {\n          formatted\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleOrder($id: ID!) {\n    order(id: $id) {\n      id\n      occurredAt\n      paidAt\n      quantity\n      status\n      source\n      externalId\n      attribution\n      amount {\n        formatted\n      }\n      refunded {\n        amountMinor\n        formatted\n      }\n      product {\n        id\n        title\n      }\n      credits {\n        model\n        credit\n        touchType\n        touchEventId\n        touchedAt\n        impressionEventId\n        impressedAt\n        note {\n          id\n          title\n        }\n        creator {\n          id\n          displayName\n        }\n      }\n      refunds {\n        id\n        kind\n        reason\n        occurredAt\n        amount {\n          formatted\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleProducts($brandId: ID!, $first: Int!) {\n    brand(id: $brandId) {\n      id\n      products(first: $first) {\n        edges {\n          node {\n            id\n            title\n            category\n            stock\n            inStock\n            createdAt\n            price {\n              amountMinor\n              currency\n              formatted\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleProducts($brandId: ID!, $first: Int!) {\n    brand(id: $brandId) {\n      id\n      products(first: $first) {\n        edges {\n          node {\n            id\n            title\n            category\n            stock\n            inStock\n            createdAt\n            price {\n              amountMinor\n              currency\n              formatted\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleProduct($id: ID!) {\n    product(id: $id) {\n      id\n      brand {\n        id\n      }\n      ...ConsoleProductFields\n    }\n  }\n"): (typeof documents)["\n  query ConsoleProduct($id: ID!) {\n    product(id: $id) {\n      id\n      brand {\n        id\n      }\n      ...ConsoleProductFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleProductFields on Product {\n    id\n    title\n    description\n    images\n    category\n    stock\n    buyUrl\n    price {\n      amountMinor\n      currency\n      formatted\n    }\n  }\n"): (typeof documents)["\n  fragment ConsoleProductFields on Product {\n    id\n    title\n    description\n    images\n    category\n    stock\n    buyUrl\n    price {\n      amountMinor\n      currency\n      formatted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateConsoleProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product {\n        ...ConsoleProductFields\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateConsoleProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      product {\n        ...ConsoleProductFields\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateConsoleProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      product {\n        ...ConsoleProductFields\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateConsoleProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      product {\n        ...ConsoleProductFields\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret {\n    rotateWebhookSecret {\n      brandId\n      secret\n      previousSecretValidUntil\n      error {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret {\n    rotateWebhookSecret {\n      brandId\n      secret\n      previousSecretValidUntil\n      error {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSampleProduct {\n    viewer {\n      id\n      brand {\n        id\n        products(first: 1) {\n          edges {\n            node {\n              id\n              price {\n                amountMinor\n                currency\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleSampleProduct {\n    viewer {\n      id\n      brand {\n        id\n        products(first: 1) {\n          edges {\n            node {\n              id\n              price {\n                amountMinor\n                currency\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordEvents($events: [EventInput!]!) {\n    recordEvents(events: $events) {\n      accepted\n      duplicates\n      rejected {\n        index\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordEvents($events: [EventInput!]!) {\n    recordEvents(events: $events) {\n      accepted\n      duplicates\n      rejected {\n        index\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RelatedNotes($noteId: ID!, $first: Int!, $after: String) {\n    relatedNotes(noteId: $noteId, first: $first, after: $after) {\n      ...NoteCardPage\n    }\n  }\n"): (typeof documents)["\n  query RelatedNotes($noteId: ID!, $first: Int!, $after: String) {\n    relatedNotes(noteId: $noteId, first: $first, after: $after) {\n      ...NoteCardPage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerBoards {\n    viewer {\n      id\n      boards {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ViewerBoards {\n    viewer {\n      id\n      boards {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CollectIntoBoard($noteId: ID!, $boardId: ID) {\n    collect(noteId: $noteId, boardId: $boardId) {\n      id\n      collectCount\n      viewerHasCollected\n    }\n  }\n"): (typeof documents)["\n  mutation CollectIntoBoard($noteId: ID!, $boardId: ID) {\n    collect(noteId: $noteId, boardId: $boardId) {\n      id\n      collectCount\n      viewerHasCollected\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBoard($name: String!) {\n    createBoard(name: $name) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateBoard($name: String!) {\n    createBoard(name: $name) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerOrders($first: Int!, $after: String) {\n    viewerOrders(first: $first, after: $after) {\n      edges {\n        node {\n          ...OrderFields\n          amount {\n            amountMinor\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ViewerOrders($first: Int!, $after: String) {\n    viewerOrders(first: $first, after: $after) {\n      edges {\n        node {\n          ...OrderFields\n          amount {\n            amountMinor\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductSummaryFields on Product {\n    id\n    title\n    images\n    stock\n    inStock\n    price {\n      amountMinor\n      currency\n      formatted\n    }\n    brand {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ProductSummaryFields on Product {\n    id\n    title\n    images\n    stock\n    inStock\n    price {\n      amountMinor\n      currency\n      formatted\n    }\n    brand {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Product($id: ID!, $first: Int!, $after: String) {\n    product(id: $id) {\n      ...ProductSummaryFields\n      description\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Product($id: ID!, $first: Int!, $after: String) {\n    product(id: $id) {\n      ...ProductSummaryFields\n      description\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClickProduct($input: ProductClickInput!) {\n    clickProduct(input: $input) {\n      clickId\n      error {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ClickProduct($input: ProductClickInput!) {\n    clickProduct(input: $input) {\n      clickId\n      error {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      order {\n        ...OrderFields\n        product {\n          id\n          stock\n          inStock\n        }\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      order {\n        ...OrderFields\n        product {\n          id\n          stock\n          inStock\n        }\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayOrder($input: PayOrderInput!) {\n    payOrder(input: $input) {\n      order {\n        ...OrderFields\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PayOrder($input: PayOrderInput!) {\n    payOrder(input: $input) {\n      order {\n        ...OrderFields\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentOptions {\n    paymentOptions {\n      method\n      label\n    }\n  }\n"): (typeof documents)["\n  query PaymentOptions {\n    paymentOptions {\n      method\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderFields on Order {\n    id\n    quantity\n    status\n    expiresAt\n    occurredAt\n    amount {\n      formatted\n    }\n    refunded {\n      amountMinor\n      formatted\n    }\n    product {\n      id\n      title\n      images\n    }\n  }\n"): (typeof documents)["\n  fragment OrderFields on Order {\n    id\n    quantity\n    status\n    expiresAt\n    occurredAt\n    amount {\n      formatted\n    }\n    refunded {\n      amountMinor\n      formatted\n    }\n    product {\n      id\n      title\n      images\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductSummary($id: ID!) {\n    product(id: $id) {\n      ...ProductSummaryFields\n    }\n  }\n"): (typeof documents)["\n  query ProductSummary($id: ID!) {\n    product(id: $id) {\n      ...ProductSummaryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Profile($id: ID!) {\n    user(id: $id) {\n      id\n      handle\n      displayName\n      bio\n      avatarUrl\n      followerCount\n      followingCount\n      noteCount\n      likesAndCollectsReceived\n      viewerIsFollowing\n    }\n  }\n"): (typeof documents)["\n  query Profile($id: ID!) {\n    user(id: $id) {\n      id\n      handle\n      displayName\n      bio\n      avatarUrl\n      followerCount\n      followingCount\n      noteCount\n      likesAndCollectsReceived\n      viewerIsFollowing\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserNotes($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserNotes($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserLikedNotes($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      likedNotes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserLikedNotes($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      likedNotes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserBoards($id: ID!) {\n    user(id: $id) {\n      id\n      boards {\n        id\n        name\n        noteCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserBoards($id: ID!) {\n    user(id: $id) {\n      id\n      boards {\n        id\n        name\n        noteCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardNotes($id: ID!, $first: Int!, $after: String) {\n    board(id: $id) {\n      id\n      name\n      owner {\n        id\n        displayName\n      }\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardNotes($id: ID!, $first: Int!, $after: String) {\n    board(id: $id) {\n      id\n      name\n      owner {\n        id\n        displayName\n      }\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonFields on User {\n    id\n    handle\n    displayName\n    avatarUrl\n    bio\n    viewerIsFollowing\n    followerCount\n  }\n"): (typeof documents)["\n  fragment PersonFields on User {\n    id\n    handle\n    displayName\n    avatarUrl\n    bio\n    viewerIsFollowing\n    followerCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonPage on UserConnection {\n    edges {\n      node {\n        ...PersonFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  fragment PersonPage on UserConnection {\n    edges {\n      node {\n        ...PersonFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Followers($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      displayName\n      followers(first: $first, after: $after) {\n        ...PersonPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Followers($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      displayName\n      followers(first: $first, after: $after) {\n        ...PersonPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Following($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      displayName\n      following(first: $first, after: $after) {\n        ...PersonPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Following($id: ID!, $first: Int!, $after: String) {\n    user(id: $id) {\n      id\n      displayName\n      following(first: $first, after: $after) {\n        ...PersonPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        displayName\n        bio\n        avatarUrl\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        displayName\n        bio\n        avatarUrl\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateInterests($interests: [String!]!) {\n    updateInterests(interests: $interests) {\n      user {\n        id\n        interests\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateInterests($interests: [String!]!) {\n    updateInterests(interests: $interests) {\n      user {\n        id\n        interests\n      }\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UploadStatus($id: ID!) {\n    upload(id: $id) {\n      id\n      status\n      progress\n      failure {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query UploadStatus($id: ID!) {\n    upload(id: $id) {\n      id\n      status\n      progress\n      failure {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NoteCardFields on Note {\n    id\n    kind\n    title\n    likeCount\n    viewerHasLiked\n    reason\n    author {\n      id\n      displayName\n      avatarUrl\n    }\n    media {\n      url\n      width\n      height\n      upload {\n        id\n        dominantColor\n        thumbhash\n        posterUrl\n        images {\n          name\n          url\n          width\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment NoteCardFields on Note {\n    id\n    kind\n    title\n    likeCount\n    viewerHasLiked\n    reason\n    author {\n      id\n      displayName\n      avatarUrl\n    }\n    media {\n      url\n      width\n      height\n      upload {\n        id\n        dominantColor\n        thumbhash\n        posterUrl\n        images {\n          name\n          url\n          width\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NoteCardPage on NoteConnection {\n    edges {\n      node {\n        ...NoteCardFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  fragment NoteCardPage on NoteConnection {\n    edges {\n      node {\n        ...NoteCardFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Feed($kind: FeedKind!, $first: Int!, $after: String) {\n    feed(kind: $kind, first: $first, after: $after) {\n      ...NoteCardPage\n    }\n  }\n"): (typeof documents)["\n  query Feed($kind: FeedKind!, $first: Int!, $after: String) {\n    feed(kind: $kind, first: $first, after: $after) {\n      ...NoteCardPage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopicFeed($name: String!, $first: Int!, $after: String) {\n    topic(name: $name) {\n      name\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query TopicFeed($name: String!, $first: Int!, $after: String) {\n    topic(name: $name) {\n      name\n      notes(first: $first, after: $after) {\n        ...NoteCardPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Note($id: ID!) {\n    note(id: $id) {\n      id\n      kind\n      title\n      body\n      topics\n      likeCount\n      collectCount\n      commentCount\n      viewerHasLiked\n      viewerHasCollected\n      publishedAt\n      sponsored\n      sponsor {\n        id\n        name\n      }\n      author {\n        id\n        displayName\n        avatarUrl\n        viewerIsFollowing\n        followerCount\n      }\n      media {\n        kind\n        url\n        width\n        height\n        durationMs\n        upload {\n          id\n          dominantColor\n          thumbhash\n          posterUrl\n          playlistUrl\n          images {\n            name\n            url\n            width\n          }\n        }\n      }\n      productTags {\n        position\n        imageIndex\n        x\n        y\n        atMs\n        product {\n          id\n          title\n          images\n          price {\n            formatted\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Note($id: ID!) {\n    note(id: $id) {\n      id\n      kind\n      title\n      body\n      topics\n      likeCount\n      collectCount\n      commentCount\n      viewerHasLiked\n      viewerHasCollected\n      publishedAt\n      sponsored\n      sponsor {\n        id\n        name\n      }\n      author {\n        id\n        displayName\n        avatarUrl\n        viewerIsFollowing\n        followerCount\n      }\n      media {\n        kind\n        url\n        width\n        height\n        durationMs\n        upload {\n          id\n          dominantColor\n          thumbhash\n          posterUrl\n          playlistUrl\n          images {\n            name\n            url\n            width\n          }\n        }\n      }\n      productTags {\n        position\n        imageIndex\n        x\n        y\n        atMs\n        product {\n          id\n          title\n          images\n          price {\n            formatted\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Comments($noteId: ID!) {\n    note(id: $noteId) {\n      id\n      commentCount\n      comments(first: 20) {\n        edges {\n          node {\n            ...CommentFields\n            replies(first: 10) {\n              edges {\n                node {\n                  ...CommentFields\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Comments($noteId: ID!) {\n    note(id: $noteId) {\n      id\n      commentCount\n      comments(first: 20) {\n        edges {\n          node {\n            ...CommentFields\n            replies(first: 10) {\n              edges {\n                node {\n                  ...CommentFields\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommentFields on Comment {\n    id\n    body\n    createdAt\n    author {\n      id\n      displayName\n      avatarUrl\n    }\n    replyTo {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment CommentFields on Comment {\n    id\n    body\n    createdAt\n    author {\n      id\n      displayName\n      avatarUrl\n    }\n    replyTo {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      handle\n      displayName\n      avatarUrl\n      interests\n      role\n      brand {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      handle\n      displayName\n      avatarUrl\n      interests\n      role\n      brand {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut {\n    logOut\n  }\n"): (typeof documents)["\n  mutation LogOut {\n    logOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LikeState on Note {\n    id\n    likeCount\n    viewerHasLiked\n  }\n"): (typeof documents)["\n  fragment LikeState on Note {\n    id\n    likeCount\n    viewerHasLiked\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CollectState on Note {\n    id\n    collectCount\n    viewerHasCollected\n  }\n"): (typeof documents)["\n  fragment CollectState on Note {\n    id\n    collectCount\n    viewerHasCollected\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FollowState on User {\n    id\n    viewerIsFollowing\n    followerCount\n  }\n"): (typeof documents)["\n  fragment FollowState on User {\n    id\n    viewerIsFollowing\n    followerCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Like($noteId: ID!) {\n    like(noteId: $noteId) {\n      ...LikeState\n    }\n  }\n"): (typeof documents)["\n  mutation Like($noteId: ID!) {\n    like(noteId: $noteId) {\n      ...LikeState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unlike($noteId: ID!) {\n    unlike(noteId: $noteId) {\n      ...LikeState\n    }\n  }\n"): (typeof documents)["\n  mutation Unlike($noteId: ID!) {\n    unlike(noteId: $noteId) {\n      ...LikeState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Collect($noteId: ID!) {\n    collect(noteId: $noteId) {\n      ...CollectState\n    }\n  }\n"): (typeof documents)["\n  mutation Collect($noteId: ID!) {\n    collect(noteId: $noteId) {\n      ...CollectState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Uncollect($noteId: ID!) {\n    uncollect(noteId: $noteId) {\n      ...CollectState\n    }\n  }\n"): (typeof documents)["\n  mutation Uncollect($noteId: ID!) {\n    uncollect(noteId: $noteId) {\n      ...CollectState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Follow($userId: ID!) {\n    follow(userId: $userId) {\n      ...FollowState\n    }\n  }\n"): (typeof documents)["\n  mutation Follow($userId: ID!) {\n    follow(userId: $userId) {\n      ...FollowState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unfollow($userId: ID!) {\n    unfollow(userId: $userId) {\n      ...FollowState\n    }\n  }\n"): (typeof documents)["\n  mutation Unfollow($userId: ID!) {\n    unfollow(userId: $userId) {\n      ...FollowState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Share($noteId: ID!, $channel: String) {\n    share(noteId: $noteId, channel: $channel) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation Share($noteId: ID!, $channel: String) {\n    share(noteId: $noteId, channel: $channel) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Comment($input: CommentInput!) {\n    comment(input: $input) {\n      comment {\n        id\n      }\n      error {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Comment($input: CommentInput!) {\n    comment(input: $input) {\n      comment {\n        id\n      }\n      error {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      error {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SearchProductFields on Product {\n    id\n    title\n    images\n    price {\n      formatted\n    }\n    brand {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment SearchProductFields on Product {\n    id\n    title\n    images\n    price {\n      formatted\n    }\n    brand {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $first: Int!, $after: String) {\n    search(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          __typename\n          ... on Note {\n            ...NoteCardFields\n          }\n          ... on Product {\n            ...SearchProductFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Search($query: String!, $first: Int!, $after: String) {\n    search(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          __typename\n          ... on Note {\n            ...NoteCardFields\n          }\n          ... on Product {\n            ...SearchProductFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchSuggestions($query: String!) {\n    search(query: $query, first: 6) {\n      edges {\n        node {\n          __typename\n          ... on Note {\n            id\n            title\n          }\n          ... on Product {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchSuggestions($query: String!) {\n    search(query: $query, first: 6) {\n      edges {\n        node {\n          __typename\n          ... on Note {\n            id\n            title\n          }\n          ... on Product {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioFunnel($scope: AnalyticsScope!, $range: DateRange!) {\n    analyticsFunnel(scope: $scope, range: $range) {\n      impressions\n      reads\n      readRate\n      likes\n      collects\n      comments\n      shares\n      productClicks\n      sales {\n        orders\n        gmv {\n          formatted\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioFunnel($scope: AnalyticsScope!, $range: DateRange!) {\n    analyticsFunnel(scope: $scope, range: $range) {\n      impressions\n      reads\n      readRate\n      likes\n      collects\n      comments\n      shares\n      productClicks\n      sales {\n        orders\n        gmv {\n          formatted\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioFollowerGain($creatorId: ID!, $range: DateRange!) {\n    followerGain(creatorId: $creatorId, range: $range)\n  }\n"): (typeof documents)["\n  query StudioFollowerGain($creatorId: ID!, $range: DateRange!) {\n    followerGain(creatorId: $creatorId, range: $range)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioSeries($scope: AnalyticsScope!, $range: DateRange!) {\n    analyticsSeries(scope: $scope, range: $range, interval: DAY) {\n      at\n      funnel {\n        impressions\n        reads\n        engagements\n        productClicks\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioSeries($scope: AnalyticsScope!, $range: DateRange!) {\n    analyticsSeries(scope: $scope, range: $range, interval: DAY) {\n      at\n      funnel {\n        impressions\n        reads\n        engagements\n        productClicks\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioAudienceTopics($scope: AnalyticsScope!, $range: DateRange!) {\n    audienceTopics(scope: $scope, range: $range) {\n      topic\n      reads\n      share\n    }\n  }\n"): (typeof documents)["\n  query StudioAudienceTopics($scope: AnalyticsScope!, $range: DateRange!) {\n    audienceTopics(scope: $scope, range: $range) {\n      topic\n      reads\n      share\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioDataNoteTitle($id: ID!) {\n    note(id: $id) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  query StudioDataNoteTitle($id: ID!) {\n    note(id: $id) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopicSuggestions($prefix: String!) {\n    topics(prefix: $prefix, first: 8) {\n      name\n      noteCount\n    }\n  }\n"): (typeof documents)["\n  query TopicSuggestions($prefix: String!) {\n    topics(prefix: $prefix, first: 8) {\n      name\n      noteCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioNotes($first: Int!, $after: String) {\n    viewer {\n      id\n      notes(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            kind\n            title\n            status\n            failureReason\n            sponsored\n            createdAt\n            publishedAt\n            media {\n              url\n              upload {\n                id\n                posterUrl\n                images {\n                  name\n                  url\n                  width\n                }\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioNotes($first: Int!, $after: String) {\n    viewer {\n      id\n      notes(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            kind\n            title\n            status\n            failureReason\n            sponsored\n            createdAt\n            publishedAt\n            media {\n              url\n              upload {\n                id\n                posterUrl\n                images {\n                  name\n                  url\n                  width\n                }\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioNote($id: ID!) {\n    note(id: $id) {\n      id\n      kind\n      title\n      body\n      status\n      sponsored\n      sponsor {\n        id\n        name\n      }\n      media {\n        kind\n        url\n        width\n        height\n        durationMs\n        upload {\n          id\n          posterUrl\n        }\n      }\n      productTags {\n        position\n        imageIndex\n        x\n        y\n        atMs\n        product {\n          id\n          title\n          brand {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioNote($id: ID!) {\n    note(id: $id) {\n      id\n      kind\n      title\n      body\n      status\n      sponsored\n      sponsor {\n        id\n        name\n      }\n      media {\n        kind\n        url\n        width\n        height\n        durationMs\n        upload {\n          id\n          posterUrl\n        }\n      }\n      productTags {\n        position\n        imageIndex\n        x\n        y\n        atMs\n        product {\n          id\n          title\n          brand {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription UploadProgress($id: ID!) {\n    uploadProgress(id: $id) {\n      id\n      kind\n      status\n      progress\n      failure {\n        reason\n        message\n      }\n      width\n      height\n      durationMs\n      images {\n        name\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription UploadProgress($id: ID!) {\n    uploadProgress(id: $id) {\n      id\n      kind\n      status\n      progress\n      failure {\n        reason\n        message\n      }\n      width\n      height\n      durationMs\n      images {\n        name\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioProductSearch($query: String!) {\n    search(query: $query, first: 10) {\n      edges {\n        node {\n          __typename\n          ... on Product {\n            id\n            title\n            price {\n              formatted\n            }\n            brand {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioProductSearch($query: String!) {\n    search(query: $query, first: 10) {\n      edges {\n        node {\n          __typename\n          ... on Product {\n            id\n            title\n            price {\n              formatted\n            }\n            brand {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioCreateNote($input: CreateNoteInput!) {\n    createNote(input: $input) {\n      note {\n        id\n        status\n      }\n      error {\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudioCreateNote($input: CreateNoteInput!) {\n    createNote(input: $input) {\n      note {\n        id\n        status\n      }\n      error {\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioUpdateNote($id: ID!, $input: UpdateNoteInput!) {\n    updateNote(id: $id, input: $input) {\n      note {\n        id\n        status\n      }\n      error {\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudioUpdateNote($id: ID!, $input: UpdateNoteInput!) {\n    updateNote(id: $id, input: $input) {\n      note {\n        id\n        status\n      }\n      error {\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioPublishNote($id: ID!) {\n    publishNote(id: $id) {\n      note {\n        id\n        status\n      }\n      error {\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudioPublishNote($id: ID!) {\n    publishNote(id: $id) {\n      note {\n        id\n        status\n      }\n      error {\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudioDeleteNote($id: ID!) {\n    deleteNote(id: $id) {\n      deletedId\n      error {\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudioDeleteNote($id: ID!) {\n    deleteNote(id: $id) {\n      deletedId\n      error {\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HideNote($noteId: ID!) {\n    hideNote(noteId: $noteId, reason: \"not_interested\")\n  }\n"): (typeof documents)["\n  mutation HideNote($noteId: ID!) {\n    hideNote(noteId: $noteId, reason: \"not_interested\")\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HideCreator($userId: ID!) {\n    hideCreator(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation HideCreator($userId: ID!) {\n    hideCreator(userId: $userId)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;