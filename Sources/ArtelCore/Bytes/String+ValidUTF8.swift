extension String {
    /// The text `bytes` hold, or `nil` when they are not valid UTF-8.
    ///
    /// Does what `String(validating:as:)` does, at a fraction of its cost on short texts: that
    /// initializer is generic over the encoding and not specialized, so each call looks up type
    /// metadata. Decoding repairs invalid bytes with U+FFFD, so the decoded text has exactly the
    /// bytes it was given only when they were valid.
    public init?(validUTF8 bytes: ArraySlice<UInt8>) {
        var text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.count == bytes.count else { return nil }
        let kept = bytes.withUnsafeBufferPointer { given in text.withUTF8 { given.hasSameBytes(as: $0) } }
        guard kept else { return nil }
        self = text
    }
}
