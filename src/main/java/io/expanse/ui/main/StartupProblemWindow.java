package io.expanse.ui.main;

import io.expanse.ui.common.Fonts;
import io.expanse.ui.common.Buttons;
import io.expanse.text.Texts;
import io.expanse.files.FolderCheck;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/**
 * What Expanse shows instead of its main window when it cannot keep its files: which folder, why, and what to do.
 * The system's own messages are in the expandable details, never in the sentence.
 */
public final class StartupProblemWindow {

    private StartupProblemWindow() {
    }

    /** The window for folders that cannot be used; not yet shown. */
    public static Alert forFolders(List<FolderCheck.Problem> problems) {
        String sentences = problems.stream().map(FolderCheck.Problem::sentence).collect(Collectors.joining("\n"));
        String advice;
        if (problems.stream().anyMatch(p -> p.reason() == FolderCheck.Reason.FULL)) {
            advice = Texts.get("startup.advice.full");
        } else if (problems.stream().allMatch(p -> p.reason() == FolderCheck.Reason.NOT_A_FOLDER)) {
            advice = Texts.get("startup.advice.notAFolder");
        } else {
            advice = Texts.get("startup.advice.notWritable");
        }
        String details = problems.stream().map(p -> p.folder() + ": " + p.detail())
                .collect(Collectors.joining("\n"));
        return build(sentences, advice, details);
    }

    /** The window for any other failure at start, with a plain sentence and the details. */
    public static Alert forFailure(String sentence, String details) {
        return build(sentence, Texts.get("startup.advice.failure"), details);
    }

    private static Alert build(String sentence, String advice, String details) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", Buttons.close());
        Fonts.apply(alert);
        alert.setTitle("Expanse");
        alert.setHeaderText(Texts.get("startup.header"));
        alert.getDialogPane().setId("startupProblemDialog");
        Label what = new Label(sentence);
        what.setId("startupProblemText");
        what.setWrapText(true);
        Label next = new Label(advice);
        next.setId("startupProblemAdvice");
        next.setWrapText(true);
        VBox content = new VBox(8, what, next);
        content.setMaxWidth(560);
        alert.getDialogPane().setContent(content);
        TextArea area = new TextArea(details);
        area.setId("startupProblemDetails");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(4);
        area.setAccessibleText(Texts.get("startup.details.a11y"));
        alert.getDialogPane().setExpandableContent(area);
        return alert;
    }
}
