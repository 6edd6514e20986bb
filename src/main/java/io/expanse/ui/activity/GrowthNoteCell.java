package io.expanse.ui.activity;

import io.expanse.text.Texts;
import io.expanse.work.Activity;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * The detail column: the activity's message (whole in a tooltip); for an expansion whose disk grew but whose file
 * system has not, "The file system has not grown" and a link to the grow-the-file-system guide.
 */
final class GrowthNoteCell extends TableCell<Activity, String> {

    private final Predicate<Activity> notGrown;
    private final Consumer<Activity> openGuide;
    private final Hyperlink guide = new Hyperlink(Texts.get("usage.growth.guide"));

    GrowthNoteCell(Predicate<Activity> notGrown, Consumer<Activity> openGuide) {
        this.notGrown = notGrown;
        this.openGuide = openGuide;
        guide.getStyleClass().add("growth-guide-link");
        guide.setAccessibleText(Texts.get("usage.growth.guide.a11y"));
        guide.setFocusTraversable(false);
        guide.setMnemonicParsing(false);
        guide.setOnAction(e -> {
            Activity a = getTableRow() == null ? null : getTableRow().getItem();
            if (a != null) {
                openGuide.accept(a);
            }
        });
        setContentDisplay(ContentDisplay.RIGHT);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        Activity a = empty || getTableRow() == null ? null : getTableRow().getItem();
        if (a != null && notGrown.test(a)) {
            String text = Texts.get("usage.growth.activity");
            setText(text);
            setGraphic(guide);
            setTooltip(new Tooltip(Texts.sentences(text, Texts.get("usage.growth.activity.hint"))));
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("not-grown"), true);
            return;
        }
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("not-grown"), false);
        setGraphic(null);
        setText(empty ? null : item);
        setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
    }
}
