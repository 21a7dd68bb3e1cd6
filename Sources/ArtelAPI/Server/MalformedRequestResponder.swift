import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request that is not valid HTTP/1.1 (a raw non-ASCII byte in the URL, a broken header)
/// with the API's JSON error, `400 malformed_request`, instead of the server's empty 400, and closes
/// the connection, since nothing after the broken bytes can be trusted.
final class MalformedRequestResponder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        let hint =
            parserError == .invalidURL
            ? "; percent-encode every byte outside ASCII in the URL (curl: -G --data-urlencode 'q=…')" : ""
        let message = "the request is not valid HTTP/1.1 (\(parserError))\(hint)"
        let body = ByteBuffer(
            string: #"{"error":{"status":400,"code":"malformed_request","message":"\#(message)"}}"#
        )
        var head = HTTPResponse(status: .badRequest)
        head.headerFields[.contentType] = "application/json; charset=utf-8"
        head.headerFields[.contentLength] = "\(body.readableBytes)"
        head.headerFields[.connection] = "close"
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.close(promise: nil)
    }
}
