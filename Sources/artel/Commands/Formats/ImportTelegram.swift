import ArgumentParser
import ArtelCore
import ArtelFormats
import ArtelImports
import ArtelStore
import Foundation

struct ImportTelegram: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "telegram",
        abstract: "Import the vacancy posts of a Telegram channel export (result.json) as jobs.",
        discussion: """
            Export the channel with Telegram Desktop (Export chat history, JSON). Posts with a \
            vacancy hashtag (\(TelegramReader.defaultTags.joined(separator: ", ")) unless --hashtags says \
            otherwise) become jobs, one per vacancy: a digest is split at separator lines (___, ➖➖➖, \
            〰️, ———, ***) and at its titles (numbered, behind an emoji, bold, or after a blank line). \
            Each vacancy gives its title, company, city, work mode, employment, salary ("от 80 000 ₽", \
            "до 120к", "100–150 тыс. руб.", "$2000", "на руки" as take-home; monthly unless the post \
            says otherwise, and then tagged \(TelegramReader.assumedPeriodTag)), duties, requirements, \
            conditions, contacts, the apply link and the post's hashtags. Each job records its post as \
            https://t.me/CHANNEL/ID; the export does not hold the channel's username, so give it with \
            --channel.

            --dry-run prints, post by post, what was read and what was skipped and why, and stores \
            nothing; an import prints the same counts.

            Importing a newer export updates the jobs whose posts were edited and changes nothing \
            else. A digest's vacancies keep their jobs when the post is edited: each is matched to \
            the jobs stored from its post by title, and a vacancy whose title was corrected to the \
            job between those of its neighbours. A vacancy removed from a post is left as it was, and \
            the import names it: delete its job with `artel job delete ID` or on the site.

            Examples:
              artel import telegram result.json --channel community_managers --dry-run
              artel import telegram result.json --channel community_managers \\
                  --community "Tech Leaders Moscow"
              artel import telegram result.json --channel jobs_cm \\
                  --hashtags "#вакансия,#job" --community Club
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The result.json of the export.")
    var file: String

    @Option(help: "The channel's username (t.me/USERNAME), for the links to its posts.")
    var channel: String

    @Option(help: "The community the jobs belong to: its name, its key's name, or a prefix of its id.")
    var community: String?

    @Option(help: "The chat to read when the export holds several (a whole-account export): its name, or its id.")
    var chat: String?

    @Option(
        name: [.customLong("hashtags")],
        help: ArgumentHelp(
            "A hashtag that marks vacancy posts; repeat it or give a comma-separated list.",
            discussion: "Default: \(TelegramReader.defaultTags.joined(separator: ", "))."
        )
    )
    var tagOptions: [String] = []

    @Flag(help: "Also import event announcements: posts that invite to register and give a date.")
    var events = false

    @Flag(help: "Print what would be imported, post by post, and store nothing.")
    var dryRun = false

    @OptionGroup var signer: AuthorOption
    @OptionGroup var output: OutputOptions

    /// The hashtags given, or the default ones.
    var tags: [String] {
        let given = tagOptions.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        return given.isEmpty ? TelegramReader.defaultTags : given
    }

    func validate() throws {
        guard ImportOptions.isChannelName(channel) else {
            throw ValidationError("--channel takes the channel's username: letters, digits and _ (t.me/USERNAME)")
        }
        for tag in tags where !tag.hasPrefix("#") || tag.count < 2 || tag.contains(where: \.isWhitespace) {
            throw ValidationError("--hashtags takes hashtags, like #вакансия or \"#вакансия,#job\"; \"\(tag)\" is none")
        }
        guard dryRun || community != nil else {
            throw ValidationError("--community is needed to import (or use --dry-run to only read the file)")
        }
    }

    func run() async throws {
        guard let community, !dryRun else {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw StoreError(.io, "cannot read \(file)")
            }
            let bytes = [UInt8](data)
            do {
                let report = try TelegramReader.read(bytes, channel: channel, chat: chat, tags: tags)
                let announcements =
                    events ? try TelegramReader.events(in: bytes, channel: channel, chat: chat, vacancyTags: tags) : nil
                if output.json {
                    print(TelegramConsole.json(report, events: announcements).rendered)
                    return
                }
                TelegramConsole.printPosts(report, events: announcements)
                Console.line(
                    TelegramConsole.summary(report, events: announcements) + " Nothing was stored (--dry-run)."
                )
            } catch {
                throw StoreError(.invalidInput, "\(file), \(error); nothing was imported")
            }
            return
        }
        try await ImportRun.importFile(
            file,
            community: community,
            signer: signer,
            global: global,
            noun: events ? "vacancies and events" : "vacancies",
            output: output
        ) { bytes in
            let report = try TelegramReader.read(bytes, channel: channel, chat: chat, tags: tags)
            let announcements =
                events ? try TelegramReader.events(in: bytes, channel: channel, chat: chat, vacancyTags: tags) : nil
            if !output.json { Console.line(TelegramConsole.summary(report, events: announcements)) }
            return ImportReading(telegram: report, events: announcements ?? [])
        }
    }
}
