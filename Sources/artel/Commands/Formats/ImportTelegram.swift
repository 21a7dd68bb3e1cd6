import ArgumentParser
import ArtelCore
import ArtelFormats
import ArtelStore

struct ImportTelegram: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "telegram",
        abstract: "Import the vacancy digests of a Telegram channel export (result.json) as jobs.",
        discussion: """
            Export the channel with Telegram Desktop (Export chat history, JSON). Posts with the \\
            digest's hashtag become jobs, several per post: title, company, "Что нужно делать", \\
            "Какие требования", salary ("от 50,000 руб", "до 120 000 ₽", "50–70 тыс."; monthly \\
            unless the post says otherwise, and then tagged \(TelegramReader.assumedPeriodTag)), \\
            part-time and remote notes, the apply link and the post's hashtags. Each job records \\
            its post as https://t.me/CHANNEL/ID; the export does not hold the channel's username, \\
            so give it with --channel.

            Example:
              artel import telegram result.json --channel community_managers --community "Tech Leaders Moscow"
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The result.json of the export.")
    var file: String

    @Option(help: "The channel's username (t.me/USERNAME), for the links to its posts.")
    var channel: String

    @Option(help: "The community the jobs belong to: its name, its key's name, or a prefix of its id.")
    var community: String

    @Option(help: "The chat to read when the export holds several (a whole-account export).")
    var chat: String?

    @Option(help: "The hashtag that marks vacancy posts.")
    var tag = "#комьюнити_вакансия"

    @Flag(help: "Also import event announcements: posts that invite to register and give a date.")
    var events = false

    @OptionGroup var signer: AuthorOption

    func validate() throws {
        guard !channel.isEmpty, channel.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw ValidationError("--channel takes the channel's username: letters, digits and _ (t.me/USERNAME)")
        }
        guard tag.hasPrefix("#"), tag.count > 1 else {
            throw ValidationError("--tag takes a hashtag, like #комьюнити_вакансия")
        }
    }

    func run() async throws {
        try await ImportRun.importFile(
            file,
            community: community,
            signer: signer,
            global: global,
            noun: events ? "vacancies and events" : "vacancies"
        ) { bytes in
            let jobs = try TelegramReader.jobs(in: bytes, channel: channel, chat: chat, tag: tag)
            let announcements =
                events ? try TelegramReader.events(in: bytes, channel: channel, chat: chat, vacancyTag: tag) : []
            return (jobs + announcements).map(ImportItem.init)
        }
    }
}
