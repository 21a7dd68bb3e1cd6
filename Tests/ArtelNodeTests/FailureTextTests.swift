import Glibc
import NIOCore
import Testing

@testable import ArtelNode

@Suite("Failures in words")
struct FailureTextTests {
    @Test("Socket errors read as the system says them, without the errno dump; channel errors in words")
    func words() {
        #expect(
            FailureText.of(IOError(errnoCode: ECONNRESET, reason: "read(descriptor:pointer:size:)"))
                == "Connection reset by peer"
        )
        #expect(FailureText.of(ChannelError.ioOnClosedChannel) == "the connection was already closed")
        #expect(FailureText.of(ChannelError.eof) == "the peer closed the connection")
    }
}
