import ArgumentParser
import ArtelCore
import ArtelStore
import Foundation

struct SignRequest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-request",
        abstract: "Sign a grant or revocation prepared on another node, with a key held here.",
        discussion: """
            For community keys kept offline: `artel grant … --request FILE` (or `artel revoke … \
            --request FILE`) on the serving node writes what to sign; this command, on the machine \
            that holds the key, shows it, signs it, and writes the signed delta, which the serving \
            node imports with `artel apply`. Only the delta's own author key can sign it.

            Example:
              artel keys sign-request grant.request --output grant.delta
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The signing request file.")
    var file: String

    @Option(help: "The key to sign with (name or public-key prefix); default: the key the request names.")
    var key: String?

    @Option(help: "Where to write the signed delta (one line of hex, for `artel apply`); default: print it.")
    var output: String?

    @OptionGroup var format: OutputOptions

    func run() async throws {
        let directory = try DataDirectory.open(at: global.resolvedDataPath)
        let delta = try SigningRequestFile.read(file)
        let signingKey: SigningKey
        if let key {
            signingKey = try directory.keys.load(key).1
        } else if let held = try directory.keys.signingKey(for: delta.author) {
            signingKey = held
        } else {
            throw StoreError(
                .keyNotFound,
                "the request is to be signed by \(delta.author.hex), which is not in this key store"
            )
        }
        guard signingKey.publicKey == delta.author else {
            throw StoreError(.invalidInput, "the request is to be signed by \(delta.author.hex), not by this key")
        }
        let signed = try SignedDelta.sign(delta, with: signingKey)
        Console.error("Signed a \(delta.kind) of community \(delta.community.hex.prefix(16))…: \(Self.summary(signed))")
        let line = Hex.encode(signed.bytes) + "\n"
        let json: [(String, JSON)] = [
            ("kind", .string(delta.kind.name)), ("record", .string(delta.record.hex)),
            ("delta", .string(signed.id.hex)),
        ]
        guard let output else {
            format.emit(String(line.dropLast()), json: .object(json + [("bytes", .string(Hex.encode(signed.bytes)))]))
            return
        }
        guard !FileManager.default.fileExists(atPath: output) else {
            throw StoreError(.invalidInput, "\(output) already exists; choose another file")
        }
        guard FileManager.default.createFile(atPath: output, contents: Data(line.utf8)) else {
            throw StoreError(.io, "cannot write \(output)")
        }
        format.emit(
            "Wrote the signed \(delta.kind) to \(output); import it with `artel apply \(output)`.",
            json: .object(json + [("file", .string(output))])
        )
    }

    /// What the delta does, so that the signer sees what they sign.
    static func summary(_ signed: SignedDelta) -> String {
        let delta = signed.delta
        switch delta.kind {
        case .grant:
            guard let grant = try? Grant(signed) else { return "a grant" }
            return
                "grant to \(grant.grantee.hex.prefix(16))… of \(grant.kinds.map(\.name).sorted().joined(separator: ", ")) "
                + "from \(Moments.text(grant.validFrom)) until \(Moments.text(grant.validUntil))"
        case .revocation:
            guard let revocation = try? Revocation(signed) else { return "a revocation" }
            return "revocation of grant \(revocation.grant.hex)"
                + (revocation.compromised
                    ? " as compromised" : " from \(Moments.text(Int64(revocation.effectiveFrom.milliseconds)))")
        default:
            return "\(delta.kind) \(delta.record.hex)"
        }
    }
}
