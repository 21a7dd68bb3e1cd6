/// Who may write what. Every decision about authorship goes through ``authorize(_:)``, so the
/// store, the sync session and the command line cannot disagree.
///
/// The rule today: a delta is authorized when its author is the community key of its community.
/// Grants (DESIGN §5) will widen it here and nowhere else.
public enum Authorization: Sendable {
    /// Decides whether the author of a delta may write it.
    ///
    /// - Parameter delta: a delta whose signature has been verified.
    /// - Throws: ``DeltaError/Code/unauthorized`` naming the author and the community.
    public static func authorize(_ delta: Delta) throws(DeltaError) {
        guard delta.author == delta.community else {
            throw DeltaError(
                .unauthorized,
                "author \(delta.author.hex.prefix(16))… may not write for community \(delta.community.hex.prefix(16))…: "
                    + "only the community key may, until grants exist"
            )
        }
    }
}
