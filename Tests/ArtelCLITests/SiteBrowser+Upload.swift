import ArtelTestKit
import Foundation

extension SiteBrowser {
    /// A file a form sends: the field's name, the file's name and its text.
    struct UploadedFile {
        let field: String
        let name: String
        let text: String
    }

    /// Posts a form with files as a browser does, `multipart/form-data`, from a page of `origin`
    /// (the site's own by default).
    func upload(
        _ path: String,
        _ fields: [(String, String)],
        files: [UploadedFile],
        origin: String? = nil
    ) throws -> HTTPClient.Response {
        let boundary = "----artel-test-\(UUID().uuidString)"
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        for file in files {
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\(file.text)\r\n"
        }
        body += "--\(boundary)--\r\n"
        var headers = headers(origin: origin ?? site)
        headers["Content-Type"] = "multipart/form-data; boundary=\(boundary)"
        return try HTTPClient.request("POST", site + path, headers: headers, body: body)
    }
}
