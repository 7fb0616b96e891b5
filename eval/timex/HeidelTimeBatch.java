// Tags many documents with HeidelTime in one Java process (the standalone jar starts a new
// process, with its several seconds of set-up, for each file). Used by
// eval/timex_heideltime.py, which runs it as a single-file program:
//
//     java -cp de.unihd.dbs.heideltime.standalone.jar HeidelTimeBatch.java config.props < jobs
//
// Each line of the jobs is "input file <TAB> creation day YYYY-MM-DD <TAB> output file";
// each output file gets HeidelTime's TimeML for its input, in news mode for English, and its
// name is printed once written.
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS,
                OutputType.TIMEML, args[0], POSTagger.TREETAGGER, false);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        BufferedReader jobs = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = jobs.readLine()) != null; ) {
            String[] job = line.split("\t");
            String text = Files.readString(Path.of(job[0]), StandardCharsets.UTF_8);
            Files.writeString(Path.of(job[2]), tagger.process(text, day.parse(job[1])), StandardCharsets.UTF_8);
            System.out.println(job[2]);
            System.out.flush();
        }
    }
}
