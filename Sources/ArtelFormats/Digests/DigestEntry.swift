public import ArtelCore

/// One vacancy of a digest: the listing shown, and the other listings of the same vacancy.
public struct DigestEntry: Equatable, Sendable {
    /// Another listing of the vacancy: which job, in which community.
    public struct Listing: Hashable, Sendable {
        /// The job's record id.
        public var id: RecordID
        /// The community that lists it.
        public var community: PublicKey
        /// The community's name, when known.
        public var communityName: String?

        /// A listing.
        public init(id: RecordID, community: PublicKey, communityName: String?) {
            self.id = id
            self.community = community
            self.communityName = communityName
        }

        /// The listing of a job.
        public init(_ job: JobListing) {
            self.init(id: job.id, community: job.community, communityName: job.communityName)
        }

        /// The job as a reference.
        public var reference: Reference { Reference(community: community, record: id) }
    }

    /// The listing shown: the fullest of the group.
    public var job: JobListing
    /// The same vacancy as other communities or sources listed it.
    public var alsoListed: [Listing]

    /// An entry.
    public init(job: JobListing, alsoListed: [Listing]) {
        self.job = job
        self.alsoListed = alsoListed
    }

    /// The names of the other communities that listed the vacancy, without the shown listing's own.
    public var elsewhere: [String] {
        Set(alsoListed.compactMap(\.communityName)).subtracting([job.communityName].compactMap { $0 }).sorted()
    }
}
